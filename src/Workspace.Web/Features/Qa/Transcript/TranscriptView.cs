using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Domain.Quality.Timeline;

namespace Workspace.Web.Features.Qa.Transcript;

/// <summary>A conversation's timeline as one viewer may see it, with the scope their access was decided on.</summary>
public sealed record TranscriptView(ConversationRecord Conversation, IReadOnlyList<TimelineEntry> Entries, StaffScope Staff);
