using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class ReviewSamplerTests
{
    // Monday of ISO week 2026-W19.
    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<QueueCandidate> Resolved(long agent, long firstId, int count, DateTimeOffset at, bool reviewed = false) =>
        Enumerable.Range(0, count).Select(i => new QueueCandidate(firstId + i, agent, at.AddHours(i), reviewed));

    [Fact]
    public void Sample_SameInputsInAnyOrder_SameQueue()
    {
        var candidates = Resolved(1, 100, 12, Monday.AddHours(9)).Concat(Resolved(2, 200, 12, Monday.AddDays(1))).ToList();

        var first = ReviewSampler.Sample(candidates, 3, seed: 7);
        var shuffled = ReviewSampler.Sample(candidates.OrderByDescending(c => c.ConversationId % 5).ThenBy(c => -c.ConversationId), 3, seed: 7);

        Assert.Equal(first, shuffled);
        Assert.Equal(6, first.Count);
    }

    [Fact]
    public void Sample_AnotherSeed_PicksOtherConversations()
    {
        var candidates = Resolved(1, 100, 20, Monday).ToList();

        var one = ReviewSampler.Sample(candidates, 3, seed: 1).Select(q => q.ConversationId);
        var two = ReviewSampler.Sample(candidates, 3, seed: 2).Select(q => q.ConversationId);

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Sample_BusyAndQuietAgent_CappedPerAgentPerWeek()
    {
        var candidates = Resolved(1, 100, 10, Monday).Concat(Resolved(2, 200, 2, Monday)).Concat(Resolved(1, 300, 5, Monday.AddDays(7)));

        var queue = ReviewSampler.Sample(candidates, 3, seed: 1);

        Assert.Equal([("2026-W19", 1L, 3), ("2026-W19", 2L, 2), ("2026-W20", 1L, 3)],
            queue.GroupBy(q => (q.Week, q.AgentId)).Select(g => (g.Key.Week, g.Key.AgentId, g.Count())));
    }

    [Fact]
    public void Sample_OrderedByWeekThenAgentThenResolution()
    {
        var candidates = Resolved(2, 500, 2, Monday.AddDays(8)).Concat(Resolved(3, 400, 2, Monday)).Concat(Resolved(1, 300, 2, Monday.AddDays(2)));

        var queue = ReviewSampler.Sample(candidates, 5, seed: 1);

        Assert.Equal([300L, 301, 400, 401, 500, 501], queue.Select(q => q.ConversationId));
        Assert.Equal([1L, 1, 3, 3, 2, 2], queue.Select(q => q.AgentId));
    }

    [Fact]
    public void Sample_ReviewedConversations_NeverQueuedAndCountTowardsTheWeek()
    {
        var candidates = Resolved(1, 100, 2, Monday, reviewed: true).Concat(Resolved(1, 200, 6, Monday));

        var queue = ReviewSampler.Sample(candidates, 3, seed: 1);

        var only = Assert.Single(queue);
        Assert.InRange(only.ConversationId, 200, 205);
    }

    [Fact]
    public void Sample_QuotaAlreadyReviewed_NothingQueued() =>
        Assert.Empty(ReviewSampler.Sample(Resolved(1, 100, 3, Monday, reviewed: true).Concat(Resolved(1, 200, 6, Monday)), 3, seed: 1));

    [Fact]
    public void Sample_AfterReviewingASampledConversation_TheRestStaysQueued()
    {
        var candidates = Resolved(1, 100, 15, Monday).ToList();
        var before = ReviewSampler.Sample(candidates, 4, seed: 9);
        var reviewedId = before[1].ConversationId;

        var after = ReviewSampler.Sample(candidates.Select(c => c.ConversationId == reviewedId ? c with { Reviewed = true } : c), 4, seed: 9);

        Assert.Equal(before.Where(q => q.ConversationId != reviewedId), after);
    }

    [Fact]
    public void Sample_SundayLastMinuteAndMondayMidnight_DifferentWeeks()
    {
        QueueCandidate[] candidates =
        [
            new(1, 1, new DateTimeOffset(2026, 5, 10, 23, 59, 0, TimeSpan.Zero), false),
            new(2, 1, new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero), false),
        ];

        var queue = ReviewSampler.Sample(candidates, 1, seed: 1);

        Assert.Equal([(new DateOnly(2026, 5, 4), "2026-W19", 1L), (new DateOnly(2026, 5, 11), "2026-W20", 2L)],
            queue.Select(q => (q.WeekStart, q.Week, q.ConversationId)));
    }

    [Fact]
    public void Sample_MondayMorningInBerlin_IsSundayInUtc()
    {
        var queue = ReviewSampler.Sample([new QueueCandidate(1, 1, new DateTimeOffset(2026, 5, 11, 1, 30, 0, TimeSpan.FromHours(2)), false)], 1, seed: 1);

        Assert.Equal("2026-W19", Assert.Single(queue).Week);
    }

    [Fact]
    public void Sample_NewYearsDayOnAFriday_BelongsToTheLastIsoWeek()
    {
        var queue = ReviewSampler.Sample([new QueueCandidate(1, 1, new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero), false)], 1, seed: 1);

        Assert.Equal((new DateOnly(2026, 12, 28), "2026-W53"), (queue[0].WeekStart, queue[0].Week));
    }

    [Fact]
    public void Sample_ConversationListedTwice_QueuedOnce() =>
        Assert.Single(ReviewSampler.Sample([new QueueCandidate(1, 1, Monday, false), new QueueCandidate(1, 1, Monday, false)], 3, seed: 1));

    [Fact]
    public void Sample_ZeroPerWeek_Empty() => Assert.Empty(ReviewSampler.Sample(Resolved(1, 100, 5, Monday), 0, seed: 1));

    [Fact]
    public void Sample_NegativePerWeek_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewSampler.Sample(Resolved(1, 100, 5, Monday), -1, seed: 1));
}
