using System.Globalization;

namespace Workspace.Domain.Quality;

/// <summary>
/// The dashboard's metrics over conversations already filtered to a period, each as defined in
/// <see cref="MetricDefinitions"/>. Repeat contacts look for a customer's next conversation in
/// <c>history</c> as well, since the follow-up may fall outside the group or the period.
/// </summary>
public static class Metrics
{
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    public static DurationMetric FirstResponseTime(IEnumerable<MetricConversation> rows) =>
        Durations(rows.Where(c => c.FirstResponseAt is not null).Select(c => (c.FirstResponseAt!.Value - c.CreatedAt).TotalMinutes), MetricDefinitions.FirstResponseTime);

    public static DurationMetric ResolutionTime(IEnumerable<MetricConversation> rows) =>
        Durations(rows.Where(c => c.ResolvedAt is not null).Select(c => (c.ResolvedAt!.Value - c.CreatedAt).TotalHours), MetricDefinitions.ResolutionTime);

    public static MetricValue FirstContactResolution(IEnumerable<MetricConversation> rows, IEnumerable<MetricConversation>? history = null)
    {
        var list = rows.ToList();
        return FirstContactShare(list, new FollowUps(list, history));
    }

    public static MetricValue RepeatContactRate(IEnumerable<MetricConversation> rows, IEnumerable<MetricConversation>? history = null)
    {
        var list = rows.ToList();
        return RepeatShare(list, new FollowUps(list, history));
    }

    public static CsatMetric Csat(IEnumerable<MetricConversation> rows)
    {
        var ratings = rows.Where(c => c.Csat is not null).Select(c => c.Csat!.Value).ToList();
        return ratings.Count == 0
            ? new CsatMetric(null, null, 0, MetricDefinitions.Csat)
            : new CsatMetric(ratings.Average(), (double)ratings.Count(r => r >= 4) / ratings.Count, ratings.Count, MetricDefinitions.Csat);
    }

    /// <param name="rows">The conversations.</param>
    /// <param name="periodEnd">The end of the period: an unanswered conversation whose target passed before it counts as missed.</param>
    public static MetricValue SlaAttainment(IEnumerable<MetricConversation> rows, DateTimeOffset periodEnd)
    {
        var met = 0;
        var counted = 0;
        foreach (var c in rows)
        {
            if (c.FirstResponseDueAt is not { } due)
            {
                continue;
            }
            if (c.FirstResponseAt is { } answered)
            {
                counted++;
                met += answered <= due ? 1 : 0;
            }
            else if (periodEnd > due)
            {
                counted++;
            }
        }
        return Share(met, counted, MetricDefinitions.SlaAttainment);
    }

    public static MetricValue ReassignmentRate(IEnumerable<MetricConversation> rows)
    {
        var list = rows.ToList();
        return Share(list.Count(c => c.Reassignments > 0), list.Count, MetricDefinitions.ReassignmentRate);
    }

    public static MetricValue TemplateUsageRate(IEnumerable<MetricConversation> rows)
    {
        var list = rows.ToList();
        return Share(list.Sum(c => c.TemplateMessages), list.Sum(c => c.AgentMessages), MetricDefinitions.TemplateUsageRate);
    }

    public static MetricValue TemplateEditRate(IEnumerable<MetricConversation> rows)
    {
        var list = rows.ToList();
        return Share(list.Sum(c => c.EditedTemplateMessages), list.Sum(c => c.TemplateMessages), MetricDefinitions.TemplateEditRate);
    }

    public static MetricValue QaScore(IEnumerable<MetricConversation> rows)
    {
        var scores = rows.Where(c => c.QaScore is not null).Select(c => (double)c.QaScore!.Value).ToList();
        return new MetricValue(scores.Count == 0 ? null : scores.Average(), scores.Count, MetricDefinitions.QaScore);
    }

    /// <param name="rows">The conversations to measure.</param>
    /// <param name="periodEnd">The end of the period, for <see cref="SlaAttainment"/>.</param>
    /// <param name="history">Other conversations of the same customers, where a follow-up may be found.</param>
    public static MetricSummary Summarize(IEnumerable<MetricConversation> rows, DateTimeOffset periodEnd, IEnumerable<MetricConversation>? history = null)
    {
        var list = rows.ToList();
        return Summarize(list, periodEnd, new FollowUps(list, history));
    }

    /// <summary>
    /// Splits conversations by team, agent, tier or lifecycle stage: teams and agents by name, tiers and stages in
    /// their own order, conversations without one last. <see cref="MetricGrouping.None"/> gives one group, even when empty.
    /// </summary>
    public static IReadOnlyList<MetricGroup> GroupBy(IEnumerable<MetricConversation> rows, MetricGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (grouping == MetricGrouping.None)
        {
            return [new MetricGroup("", "All conversations", rows.ToList())];
        }
        return rows
            .GroupBy(c => Key(c, grouping), StringComparer.Ordinal)
            .Select(g => (Group: new MetricGroup(g.Key, Label(g.First(), grouping), g.ToList()), Order: Order(g.First(), grouping)))
            .OrderBy(g => g.Order.Missing)
            .ThenBy(g => g.Order.Rank)
            .ThenBy(g => g.Group.Label, StringComparer.Ordinal)
            .ThenBy(g => g.Group.Key, StringComparer.Ordinal)
            .Select(g => g.Group)
            .ToList();
    }

    /// <summary>Every metric per group; follow-ups are looked for across all the rows and <paramref name="history"/>, not just the group.</summary>
    public static IReadOnlyList<GroupMetrics> ByGroup(IEnumerable<MetricConversation> rows, MetricGrouping grouping, DateTimeOffset periodEnd,
        IEnumerable<MetricConversation>? history = null)
    {
        var list = rows.ToList();
        var followUps = new FollowUps(list, history);
        return GroupBy(list, grouping)
            .Select(g => new GroupMetrics(g.Key, g.Label, Summarize(g.Conversations, periodEnd, followUps)))
            .ToList();
    }

    /// <summary>
    /// Every metric per day or week of the period [<paramref name="periodStart"/>, <paramref name="periodEnd"/>), by
    /// when each conversation was opened (UTC). Every bucket of the period is listed, empty ones with n = 0, so a chart
    /// shows a gap rather than joining its neighbours.
    /// </summary>
    public static IReadOnlyList<BucketMetrics> Series(IEnumerable<MetricConversation> rows, TimeBucket bucket, DateTimeOffset periodStart,
        DateTimeOffset periodEnd, IEnumerable<MetricConversation>? history = null)
    {
        var series = new List<BucketMetrics>();
        if (periodEnd <= periodStart)
        {
            return series;
        }
        var list = rows.ToList();
        var followUps = new FollowUps(list, history);
        var inPeriod = list.Where(c => c.CreatedAt >= periodStart && c.CreatedAt < periodEnd).ToLookup(c => BucketStart(c.CreatedAt, bucket));
        var step = bucket switch
        {
            TimeBucket.Day => 1,
            TimeBucket.Week => 7,
        };
        var last = BucketStart(periodEnd - TimeSpan.FromTicks(1), bucket);
        for (var start = BucketStart(periodStart, bucket); start <= last; start = start.AddDays(step))
        {
            series.Add(new BucketMetrics(start, Summarize(inPeriod[start].ToList(), periodEnd, followUps)));
        }
        return series;
    }

    private static MetricSummary Summarize(IReadOnlyList<MetricConversation> rows, DateTimeOffset periodEnd, FollowUps followUps) => new(
        FirstResponseTime(rows),
        ResolutionTime(rows),
        FirstContactShare(rows, followUps),
        RepeatShare(rows, followUps),
        Csat(rows),
        SlaAttainment(rows, periodEnd),
        ReassignmentRate(rows),
        TemplateUsageRate(rows),
        TemplateEditRate(rows),
        QaScore(rows));

    private static MetricValue FirstContactShare(IReadOnlyList<MetricConversation> rows, FollowUps followUps)
    {
        var resolved = rows.Where(c => c.ResolvedAt is not null).ToList();
        var firstContact = resolved.Count(c =>
            !c.Reopened
            && c.Reassignments == 0
            && !(followUps.NextOpenedAfter(c) is { } next && next <= c.ResolvedAt!.Value + RepeatWindow));
        return Share(firstContact, resolved.Count, MetricDefinitions.FirstContactResolution);
    }

    private static MetricValue RepeatShare(IReadOnlyList<MetricConversation> rows, FollowUps followUps)
    {
        var repeated = rows.Count(c => followUps.NextOpenedAfter(c) is { } next && next <= c.CreatedAt + RepeatWindow);
        return Share(repeated, rows.Count, MetricDefinitions.RepeatContactRate);
    }

    private static MetricValue Share(int hits, int n, string definition) => new(n == 0 ? null : (double)hits / n, n, definition);

    private static DurationMetric Durations(IEnumerable<double> values, string definition)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return new DurationMetric(null, null, 0, definition);
        }
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
        return new DurationMetric(median, p90, sorted.Count, definition);
    }

    private static DateOnly BucketStart(DateTimeOffset at, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => DateOnly.FromDateTime(at.UtcDateTime),
        TimeBucket.Week => Weeks.Start(at),
    };

    private static string Key(MetricConversation c, MetricGrouping grouping) => grouping switch
    {
        MetricGrouping.None => "",
        MetricGrouping.Team => c.Team ?? "",
        MetricGrouping.Agent => c.AgentId?.ToString(CultureInfo.InvariantCulture) ?? "",
        MetricGrouping.Tier => c.Tier.ToString(),
        MetricGrouping.LifecycleStage => c.Stage?.ToString() ?? "",
    };

    private static string Label(MetricConversation c, MetricGrouping grouping) => grouping switch
    {
        MetricGrouping.None => "All conversations",
        MetricGrouping.Team => c.Team ?? "No team",
        MetricGrouping.Agent => c.AgentId is { } id ? c.AgentName ?? $"Agent {id.ToString(CultureInfo.InvariantCulture)}" : "Unassigned",
        MetricGrouping.Tier => c.Tier.ToString(),
        MetricGrouping.LifecycleStage => c.Stage?.ToString() ?? "No stage",
    };

    private static (bool Missing, int Rank) Order(MetricConversation c, MetricGrouping grouping) => grouping switch
    {
        MetricGrouping.None => (false, 0),
        MetricGrouping.Team => (c.Team is null, 0),
        MetricGrouping.Agent => (c.AgentId is null, 0),
        MetricGrouping.Tier => (false, (int)c.Tier),
        MetricGrouping.LifecycleStage => (c.Stage is null, c.Stage is { } s ? (int)s : 0),
    };

    /// <summary>For each conversation, when its customer next opened one, looked up among the rows and the history.</summary>
    private sealed class FollowUps
    {
        private readonly Dictionary<long, List<(DateTimeOffset CreatedAt, long Id)>> _byCustomer = [];

        public FollowUps(IEnumerable<MetricConversation> rows, IEnumerable<MetricConversation>? history)
        {
            var seen = new HashSet<long>();
            foreach (var c in history is null ? rows : rows.Concat(history))
            {
                if (!seen.Add(c.Id))
                {
                    continue;
                }
                if (!_byCustomer.TryGetValue(c.CustomerId, out var opened))
                {
                    opened = [];
                    _byCustomer[c.CustomerId] = opened;
                }
                opened.Add((c.CreatedAt, c.Id));
            }
            foreach (var opened in _byCustomer.Values)
            {
                opened.Sort();
            }
        }

        /// <summary>The earliest conversation of the same customer opened after this one (by time, then id for a tie).</summary>
        public DateTimeOffset? NextOpenedAfter(MetricConversation c)
        {
            var opened = _byCustomer[c.CustomerId];
            var at = opened.BinarySearch((c.CreatedAt, c.Id));
            return at >= 0 && at + 1 < opened.Count ? opened[at + 1].CreatedAt : null;
        }
    }
}
