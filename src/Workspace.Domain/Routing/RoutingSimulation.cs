using Workspace.Domain.Conversations;

namespace Workspace.Domain.Routing;

/// <summary>A past conversation as the simulation replays it: what routing saw, and what it decided then.</summary>
public sealed record SimulationCase(
    long ConversationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    RoutingSignals Signals,
    string? ActualTeam,
    string ActualRuleName,
    Priority ActualPriority);

/// <summary>One team's share of the period: conversations then and under the draft, and the busiest moment against its capacity.</summary>
public sealed record TeamLoad(string Team, int Actual, int Draft, int Capacity, int ActualPeakOpen, int DraftPeakOpen)
{
    /// <summary>At the draft's busiest moment more conversations would be open than the team's agents can hold, so some would wait in the queue.</summary>
    public bool DraftOverCapacity => DraftPeakOpen > Capacity;
}

/// <summary>A conversation whose decision changes under the draft.</summary>
public sealed record MovedConversation(
    long ConversationId,
    DateTimeOffset CreatedAt,
    string? OldTeam,
    string OldRule,
    Priority OldPriority,
    string? NewTeam,
    string NewRule,
    Priority NewPriority)
{
    public bool TeamChanged => !string.Equals(OldTeam, NewTeam, StringComparison.Ordinal);
}

public sealed record SimulationResult(int Conversations, IReadOnlyList<TeamLoad> Teams, IReadOnlyList<MovedConversation> Changed)
{
    public int Moved => Changed.Count(c => c.TeamChanged);
}

/// <summary>
/// Replays a draft over the stored signal snapshots of past conversations and compares with what
/// was decided then: how many go to each team, the busiest moment of each team (most conversations
/// open at once, from arrival to resolution) against its capacity, and every conversation whose team
/// or priority would change.
/// </summary>
public static class RoutingSimulation
{
    /// <summary>The longest period replayed at once: it is loaded into memory and replayed in the lead's session.</summary>
    public const int MaxPeriodDays = 92;

    public static SimulationResult Run(CompiledRouting draft, IReadOnlyList<SimulationCase> cases, IReadOnlyDictionary<string, int> teamCapacity, DateTimeOffset periodEnd)
    {
        var changed = new List<MovedConversation>();
        var draftTeams = new string?[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var (_, decision) = draft.Route(c.Signals);
            draftTeams[i] = decision.Team;
            if (!string.Equals(decision.Team, c.ActualTeam, StringComparison.Ordinal) || decision.Priority != c.ActualPriority)
            {
                changed.Add(new MovedConversation(c.ConversationId, c.CreatedAt, c.ActualTeam, c.ActualRuleName, c.ActualPriority,
                    decision.Team, decision.MatchedRuleName, decision.Priority));
            }
        }
        var teams = cases.Select(c => c.ActualTeam).Concat(draftTeams).Concat(teamCapacity.Keys)
            .Select(t => t ?? Unrouted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var loads = teams.Select(team =>
        {
            var actual = Enumerable.Range(0, cases.Count).Where(i => (cases[i].ActualTeam ?? Unrouted) == team).ToList();
            var proposed = Enumerable.Range(0, cases.Count).Where(i => (draftTeams[i] ?? Unrouted) == team).ToList();
            return new TeamLoad(team, actual.Count, proposed.Count, teamCapacity.TryGetValue(team, out var cap) ? cap : 0,
                PeakOpen(actual.Select(i => cases[i]), periodEnd), PeakOpen(proposed.Select(i => cases[i]), periodEnd));
        }).Where(t => t.Actual > 0 || t.Draft > 0 || t.Capacity > 0).ToList();
        return new SimulationResult(cases.Count, loads, changed.OrderBy(m => m.CreatedAt).ThenBy(m => m.ConversationId).ToList());
    }

    /// <summary>Shown for conversations that reached no team.</summary>
    public const string Unrouted = "(no team)";

    /// <summary>The most conversations open at the same moment: a sweep over arrivals and resolutions.</summary>
    public static int PeakOpen(IEnumerable<SimulationCase> cases, DateTimeOffset periodEnd)
    {
        var points = new List<(DateTimeOffset At, int Delta)>();
        foreach (var c in cases)
        {
            points.Add((c.CreatedAt, 1));
            points.Add((c.ResolvedAt ?? periodEnd, -1));
        }
        // A resolution at the same instant as an arrival frees the seat first.
        points.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));
        int open = 0, peak = 0;
        foreach (var (_, delta) in points)
        {
            open += delta;
            peak = Math.Max(peak, open);
        }
        return peak;
    }
}
