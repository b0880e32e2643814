using Workspace.Domain.Conversations;

namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// A stored message as the timeline reads it. <see cref="TemplateRendered"/> is the text the template
/// rendered when the agent inserted it; null for messages without a template and for older ones.
/// </summary>
public sealed record TimelineMessage(
    long Sequence,
    AuthorKind Author,
    string? AuthorName,
    string Body,
    DateTimeOffset At,
    string? TemplateKey = null,
    int? TemplateVersion = null,
    bool Edited = false,
    string? TemplateRendered = null);
