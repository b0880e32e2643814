using Workspace.Domain.Routing;
namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// Everything a conversation's timeline is assembled from. Events name teams and agents by id; the names
/// are looked up here (a team or agent deleted since shows as its id).
/// </summary>
public sealed record TimelineInput(
    IReadOnlyList<TimelineMessage> Messages,
    IReadOnlyList<TimelineEvent> Events,
    ConversationRouting? Routing,
    IReadOnlyDictionary<long, string> TeamNames,
    IReadOnlyDictionary<long, string> StaffNames);
