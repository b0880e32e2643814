using Workspace.Domain.Conversations;

namespace Workspace.Domain.Routing;

/// <summary>SLA targets: the matched rule's, or else these defaults for the priority it set.</summary>
public static class SlaTargets
{
    public static int FirstResponseMinutes(Priority priority) => priority switch
    {
        Priority.P1 => 5,
        Priority.P2 => 15,
        Priority.P3 => 60,
        Priority.P4 => 240,
    };

    public static int ResolutionMinutes(Priority priority) => priority switch
    {
        Priority.P1 => 4 * 60,
        Priority.P2 => 8 * 60,
        Priority.P3 => 24 * 60,
        Priority.P4 => 72 * 60,
    };

    public static (int FirstResponse, int Resolution) Of(RoutingDecision decision) =>
        (decision.FirstResponseMinutes ?? FirstResponseMinutes(decision.Priority), decision.ResolutionMinutes ?? ResolutionMinutes(decision.Priority));
}
