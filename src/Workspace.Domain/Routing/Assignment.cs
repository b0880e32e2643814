using Workspace.Domain.Staff;

namespace Workspace.Domain.Routing;

/// <summary>An agent as assignment weighs them.</summary>
public sealed record AssignmentCandidate(long AgentId, string Name, Presence Presence, int OpenConversations, int Capacity, IReadOnlySet<string> Skills, DateTimeOffset? LastAssignedAt);

/// <summary>Why a candidate was or was not chosen.</summary>
public sealed record CandidateTrace(long AgentId, string Name, bool Chosen, string Reason);

public sealed record AssignmentResult(long? AgentId, IReadOnlyList<CandidateTrace> Candidates)
{
    public bool Assigned => AgentId is not null;
}

/// <summary>
/// Chooses an agent inside a team: among those online, with every required skill and spare capacity,
/// the sticky agent if one is preferred and qualifies, else the least loaded, then the longest idle
/// (never assigned counts as idlest), then the lowest id so the choice is stable. With nobody eligible
/// the conversation waits in the queue. Every candidate gets a reason.
/// </summary>
public static class Assignment
{
    public static AssignmentResult Choose(IReadOnlyList<AssignmentCandidate> team, IReadOnlyCollection<string> requiredSkills, long? stickyAgentId, string? stickyWhy = null)
    {
        var exclusions = new Dictionary<long, string>();
        foreach (var c in team)
        {
            var missing = requiredSkills.Where(s => !c.Skills.Contains(s)).ToList();
            string? why = c.Presence switch
            {
                Presence.Offline => "offline",
                Presence.Away => "away",
                Presence.Online => null,
            };
            why ??= missing.Count > 0 ? $"missing skill {string.Join(", ", missing)}" : null;
            why ??= c.OpenConversations >= c.Capacity ? $"at capacity ({c.OpenConversations}/{c.Capacity})" : null;
            if (why is not null)
            {
                exclusions[c.AgentId] = why;
            }
        }
        var eligible = team.Where(c => !exclusions.ContainsKey(c.AgentId)).ToList();
        AssignmentCandidate? chosen = null;
        string? chosenWhy = null;
        if (stickyAgentId is { } sticky && eligible.FirstOrDefault(c => c.AgentId == sticky) is { } preferred)
        {
            (chosen, chosenWhy) = (preferred, $"chosen: {stickyWhy ?? "preferred agent"}");
        }
        else if (eligible.Count > 0)
        {
            chosen = eligible
                .OrderBy(c => c.OpenConversations)
                .ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue)
                .ThenBy(c => c.AgentId)
                .First();
            var tiedOnLoad = eligible.Count(c => c.OpenConversations == chosen.OpenConversations) > 1;
            chosenWhy = tiedOnLoad
                ? $"chosen: least loaded ({chosen.OpenConversations}/{chosen.Capacity}), longest idle"
                : $"chosen: least loaded ({chosen.OpenConversations}/{chosen.Capacity})";
        }
        var traces = team.Select(c =>
        {
            if (exclusions.TryGetValue(c.AgentId, out var why))
            {
                return new CandidateTrace(c.AgentId, c.Name, false, why);
            }
            if (c.AgentId == chosen?.AgentId)
            {
                return new CandidateTrace(c.AgentId, c.Name, true, chosenWhy!);
            }
            var reason = stickyAgentId is not null && chosen?.AgentId == stickyAgentId
                ? "eligible; the preferred agent was chosen"
                : c.OpenConversations > chosen!.OpenConversations
                    ? $"eligible, more loaded ({c.OpenConversations}/{c.Capacity})"
                    : "eligible, assigned more recently";
            return new CandidateTrace(c.AgentId, c.Name, false, reason);
        }).ToList();
        return new AssignmentResult(chosen?.AgentId, traces);
    }
}

/// <summary>
/// One assignment attempt as stored and shown: how it came about (routing, queue, claim), the team,
/// who got it (or nobody: the conversation waits in the queue) and every candidate's reason.
/// </summary>
public sealed record AssignmentAttempt(DateTimeOffset At, string How, string? Team, long? AgentId, string? Agent, IReadOnlyList<string> RequiredSkills, IReadOnlyList<CandidateTrace> Candidates)
{
    public string Summary => Agent is { } name
        ? Candidates.FirstOrDefault(c => c.Chosen) is { } chosen ? $"Assigned to {name}, {chosen.Reason}." : $"Assigned to {name}."
        : Candidates.Count == 0
            ? $"Waiting in the {Team ?? "team"} queue: the team has no agents."
            : $"Waiting in the {Team ?? "team"} queue: nobody eligible ({string.Join("; ", Candidates.Select(c => $"{c.Name} {c.Reason}"))}).";
}
