using Workspace.Domain.Routing;
using Workspace.Domain.Staff;

namespace Workspace.Domain.Tests.Routing;

public class AssignmentTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static AssignmentCandidate Agent(long id, Presence presence = Presence.Online, int open = 0, int capacity = 3, string[]? skills = null, int? minutesAgo = null) =>
        new(id, $"Agent {id}", presence, open, capacity, new HashSet<string>(skills ?? []), minutesAgo is { } m ? T.AddMinutes(-m) : null);

    private static string ReasonOf(AssignmentResult result, long id) => result.Candidates.Single(c => c.AgentId == id).Reason;

    [Fact]
    public void Choose_ExcludesOfflineAwayMissingSkillAndFull_EachWithItsReason()
    {
        AssignmentCandidate[] team =
        [
            Agent(1, Presence.Offline, skills: ["api"]),
            Agent(2, Presence.Away, skills: ["api"]),
            Agent(3, skills: ["billing"]),
            Agent(4, open: 3, capacity: 3, skills: ["api"]),
            Agent(5, open: 2, skills: ["api", "billing"]),
        ];

        var result = Assignment.Choose(team, ["api"], stickyAgentId: null);

        Assert.Equal(5, result.AgentId);
        Assert.Equal("offline", ReasonOf(result, 1));
        Assert.Equal("away", ReasonOf(result, 2));
        Assert.Equal("missing skill api", ReasonOf(result, 3));
        Assert.Equal("at capacity (3/3)", ReasonOf(result, 4));
        Assert.Equal("chosen: least loaded (2/3)", ReasonOf(result, 5));
    }

    [Fact]
    public void Choose_LeastLoadedThenLongestIdle()
    {
        AssignmentCandidate[] team = [Agent(1, open: 1, minutesAgo: 90), Agent(2, open: 0, minutesAgo: 5), Agent(3, open: 0, minutesAgo: 60)];

        var result = Assignment.Choose(team, [], null);

        Assert.Equal(3, result.AgentId);
        Assert.Equal("chosen: least loaded (0/3), longest idle", ReasonOf(result, 3));
        Assert.Equal("eligible, more loaded (1/3)", ReasonOf(result, 1));
        Assert.Equal("eligible, assigned more recently", ReasonOf(result, 2));
    }

    [Fact]
    public void Choose_NeverAssigned_CountsAsIdlest() =>
        Assert.Equal(2, Assignment.Choose([Agent(1, minutesAgo: 600), Agent(2)], [], null).AgentId);

    [Fact]
    public void Choose_StickyAgentQualifies_WinsOverLessLoaded()
    {
        var result = Assignment.Choose([Agent(1, open: 0), Agent(2, open: 2)], [], stickyAgentId: 2, stickyWhy: "last agent");

        Assert.Equal(2, result.AgentId);
        Assert.Equal("chosen: last agent", ReasonOf(result, 2));
        Assert.Equal("eligible; the preferred agent was chosen", ReasonOf(result, 1));
    }

    [Fact]
    public void Choose_StickyAgentOffline_FallsBackToLeastLoaded()
    {
        var result = Assignment.Choose([Agent(1, open: 1), Agent(2, Presence.Offline)], [], stickyAgentId: 2);

        Assert.Equal(1, result.AgentId);
        Assert.Equal("offline", ReasonOf(result, 2));
    }

    [Fact]
    public void Choose_NobodyEligible_WaitsInQueue()
    {
        var result = Assignment.Choose([Agent(1, Presence.Offline), Agent(2, open: 3)], [], null);

        Assert.False(result.Assigned);
        Assert.All(result.Candidates, c => Assert.False(c.Chosen));
    }
}
