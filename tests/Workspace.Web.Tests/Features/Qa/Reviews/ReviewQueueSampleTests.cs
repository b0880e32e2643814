using Workspace.Data.Quality;
using Workspace.Domain.Quality;
using Workspace.Web.Features.Qa.Reviews;

namespace Workspace.Web.Tests.Features.Qa.Reviews;

public sealed class ReviewQueueSampleTests
{
    private static ReviewQueueCandidate Candidate(long id, long agent, DateTimeOffset resolved, bool reviewed = false) =>
        new(new QueueCandidate(id, agent, resolved, reviewed), $"Subject {id}");

    [Fact]
    public void FirstWeek_FourWeeks_IsTheMondayThreeWeeksBeforeThisOne() =>
        Assert.Equal(new DateOnly(2026, 4, 13), ReviewQueueSample.FirstWeek(new DateTimeOffset(2026, 5, 7, 23, 0, 0, TimeSpan.Zero), 4));

    [Fact]
    public void Build_ReviewedCountTowardTheQuota_NewestWeekFirstAgentsByName()
    {
        var week1 = new DateTimeOffset(2026, 4, 14, 10, 0, 0, TimeSpan.Zero);
        var week2 = week1.AddDays(7);
        var candidates = new List<ReviewQueueCandidate>
        {
            Candidate(1, 10, week1), Candidate(2, 10, week1, reviewed: true), Candidate(3, 10, week1),
            Candidate(4, 20, week2), Candidate(5, 10, week2),
        };

        var queue = ReviewQueueSample.Build(new DateOnly(2026, 4, 13), 2, 2, candidates, new Dictionary<long, string> { [10] = "Zoe", [20] = "Adam" });

        Assert.Equal(["2026-W17", "2026-W16"], queue.ByWeek.Select(w => w.Label));
        Assert.Equal(["Adam", "Zoe"], queue.ByWeek[0].Agents.Select(a => a.Name));
        // Agent 10 had one review in week 16, so one of conversations 1 and 3 is left of a quota of two.
        Assert.Single(queue.ByWeek[1].Agents.Single().Items);
        Assert.Equal(3, queue.Left);
        Assert.Equal("Subject 4", queue.ByWeek[0].Agents[0].Items[0].Subject);
    }
}
