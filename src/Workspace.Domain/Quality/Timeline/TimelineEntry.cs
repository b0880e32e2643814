using Workspace.Domain.Routing;
namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// One entry of a conversation's timeline. <see cref="Text"/> is a message body as its author wrote it
/// (to be shown as text, never as markup); <see cref="Title"/> and <see cref="Details"/> are already masked
/// for the viewer. A message entry names its <see cref="Sequence"/>, an event entry its <see cref="EventId"/>
/// and <see cref="EventKind"/>; the routing entry carries the decision's <see cref="Routing"/> trace.
/// </summary>
public sealed record TimelineEntry(
    TimelineEntryKind Kind,
    DateTimeOffset At,
    string? Actor,
    string Title,
    string? Text,
    IReadOnlyList<TimelineDetail> Details,
    long? Sequence = null,
    long? EventId = null,
    string? EventKind = null,
    TemplateUse? Template = null,
    ConversationRouting? Routing = null);
