namespace Workspace.Domain.Quality;

/// <summary>
/// Fills the review queue: for each agent and ISO week of resolution, enough unreviewed conversations
/// to bring that agent's reviews for the week up to the quota.
/// </summary>
public static class ReviewSampler
{
    /// <summary>
    /// The queue, by week then agent then resolution time. Which conversations are picked depends only on their ids
    /// and <paramref name="seed"/>, never on the order of the input, so every reviewer sees the same queue. Reviews
    /// already done count against the quota: otherwise each finished review would pull a new conversation in and the
    /// queue would never empty. As sampled conversations get reviewed the rest of the sample stays as it was.
    /// </summary>
    public static IReadOnlyList<QueuedReview> Sample(IEnumerable<QueueCandidate> candidates, int perAgentPerWeek, int seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(perAgentPerWeek);
        var salt = Mix(unchecked((ulong)seed));
        return candidates
            // A conversation listed twice (once per review, say) is one candidate, reviewed if any row says so.
            .GroupBy(c => c.ConversationId)
            .Select(g => g.First() with { Reviewed = g.Any(c => c.Reviewed) })
            .GroupBy(c => (WeekStart: Weeks.Start(c.ResolvedAt), c.AgentId))
            .SelectMany(g =>
            {
                var quota = Math.Max(0, perAgentPerWeek - g.Count(c => c.Reviewed));
                return g.Where(c => !c.Reviewed)
                    .OrderBy(c => Mix(unchecked((ulong)c.ConversationId) ^ salt))
                    .ThenBy(c => c.ConversationId)
                    .Take(quota)
                    .Select(c => new QueuedReview(g.Key.WeekStart, Weeks.Label(c.ResolvedAt), c.AgentId, c.ConversationId, c.ResolvedAt));
            })
            .OrderBy(q => q.WeekStart)
            .ThenBy(q => q.AgentId)
            .ThenBy(q => q.ResolvedAt)
            .ThenBy(q => q.ConversationId)
            .ToList();
    }

    // SplitMix64's finalizer: fixed across runtimes and processes, unlike string or HashCode hashing.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
