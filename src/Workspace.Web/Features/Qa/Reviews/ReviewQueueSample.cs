using Workspace.Data.Quality;
using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>
/// The review queue for recent ISO weeks: per week, per agent, the sampled conversations still waiting for a review.
/// <paramref name="Left"/> counts them all.
/// </summary>
public sealed record ReviewQueueSample(DateOnly FromWeek, int Weeks, int PerAgentPerWeek, IReadOnlyList<ReviewQueueSample.Week> ByWeek, int Left)
{
    public const int MinWeeks = 1;
    public const int MaxWeeks = 12;
    public const int DefaultWeeks = 4;
    public const int MinPerAgent = 1;
    public const int MaxPerAgent = 20;
    public const int DefaultPerAgent = 3;

    /// <summary>Fixed, so every reviewer sees the same sample.</summary>
    public const int Seed = 20260501;

    public sealed record Week(string Label, DateOnly Start, IReadOnlyList<Agent> Agents);

    public sealed record Agent(long AgentId, string Name, IReadOnlyList<Item> Items);

    public sealed record Item(long ConversationId, DateTimeOffset ResolvedAt, string? Subject);

    /// <summary>The Monday (UTC) of the first of the last <paramref name="weeks"/> ISO weeks, the current one included.</summary>
    public static DateOnly FirstWeek(DateTimeOffset now, int weeks)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return monday.AddDays(-7 * (weeks - 1));
    }

    /// <summary>Samples <paramref name="candidates"/> and groups what is waiting by week (newest first) and agent (by name).</summary>
    public static ReviewQueueSample Build(DateOnly fromWeek, int weeks, int perAgent, IReadOnlyList<ReviewQueueCandidate> candidates, IReadOnlyDictionary<long, string> agentNames)
    {
        var subjects = candidates.GroupBy(c => c.Candidate.ConversationId).ToDictionary(g => g.Key, g => g.First().Subject);
        var sampled = ReviewSampler.Sample(candidates.Select(c => c.Candidate), perAgent, Seed);
        var byWeek = sampled
            .GroupBy(q => (q.WeekStart, q.Week))
            .OrderByDescending(g => g.Key.WeekStart)
            .Select(g => new Week(g.Key.Week, g.Key.WeekStart, g
                .GroupBy(q => q.AgentId)
                .Select(a => new Agent(a.Key, agentNames.TryGetValue(a.Key, out var name) ? name : $"Agent #{a.Key}",
                    a.Select(q => new Item(q.ConversationId, q.ResolvedAt, subjects.GetValueOrDefault(q.ConversationId))).ToList()))
                .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
                .ToList()))
            .ToList();
        return new ReviewQueueSample(fromWeek, weeks, perAgent, byWeek, sampled.Count);
    }
}
