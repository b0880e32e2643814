using Workspace.Data.Conversations;
using Workspace.Domain.Quality.Timeline;

namespace Workspace.Data.Quality;

/// <summary>A conversation with everything its timeline is assembled from.</summary>
public sealed record TranscriptData(ConversationRecord Conversation, TimelineInput Timeline);
