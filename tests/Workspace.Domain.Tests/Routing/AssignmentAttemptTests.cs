using Workspace.Domain.Routing;
using Workspace.Domain.Staff;

namespace Workspace.Domain.Tests.Routing;

public class AssignmentAttemptTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private static AssignmentCandidate Agent(long id, string name, Presence presence = Presence.Online, int open = 0, int capacity = 3, params string[] skills) =>
        new(id, name, presence, open, capacity, new HashSet<string>(skills), null);

    private static AssignmentAttempt Attempt(string? team, AssignmentResult result, string[] skills, IReadOnlyList<AssignmentCandidate> candidates) =>
        new(T, "routing", team, result.AgentId, candidates.FirstOrDefault(c => c.AgentId == result.AgentId)?.Name, skills, result.Candidates);

    [Fact]
    public void Summary_Assigned_GivesTheChosenCandidatesReason()
    {
        AssignmentCandidate[] team = [Agent(1, "Ravi Patel", open: 2, skills: "api"), Agent(2, "Grace Liu", open: 1, skills: "api")];

        var attempt = Attempt("Technical Escalations", Assignment.Choose(team, ["api"], null), ["api"], team);

        Assert.Equal("Assigned to Grace Liu, chosen: least loaded (1/3).", attempt.Summary);
    }

    [Fact]
    public void Summary_AssignedToTheStickyAgent_GivesWhy()
    {
        AssignmentCandidate[] team = [Agent(1, "Hannah Kim"), Agent(2, "Daniel Okafor", open: 2)];

        var attempt = Attempt("Enterprise Success", Assignment.Choose(team, [], stickyAgentId: 2, stickyWhy: "account owner"), [], team);

        Assert.Equal("Assigned to Daniel Okafor, chosen: account owner.", attempt.Summary);
    }

    [Fact]
    public void Summary_AssignedWithoutCandidateTrace_JustTheAgent() =>
        Assert.Equal("Assigned to Maya Chen.", new AssignmentAttempt(T, "demo history", "General Support", 7, "Maya Chen", [], []).Summary);

    [Fact]
    public void Summary_TeamHasNoAgents_WaitsSayingSo() =>
        Assert.Equal("Waiting in the Technical Escalations queue: the team has no agents.",
            new AssignmentAttempt(T, "routing", "Technical Escalations", null, null, ["api"], []).Summary);

    [Fact]
    public void Summary_NobodyEligible_WaitsWithEveryCandidatesReason()
    {
        AssignmentCandidate[] team =
        [
            Agent(1, "Ravi Patel", Presence.Offline, skills: "api"),
            Agent(2, "Grace Liu", open: 3, skills: "api"),
            Agent(3, "Sofia Rossi", Presence.Away, skills: "api"),
            Agent(4, "Alex Morgan", skills: "billing"),
        ];

        var attempt = Attempt("Technical Escalations", Assignment.Choose(team, ["api"], null), ["api"], team);

        Assert.Null(attempt.AgentId);
        Assert.Equal(
            "Waiting in the Technical Escalations queue: nobody eligible (Ravi Patel offline; Grace Liu at capacity (3/3); Sofia Rossi away; Alex Morgan missing skill api).",
            attempt.Summary);
    }

    [Fact]
    public void Summary_WaitingWithoutTeam_SaysTheTeamQueue() =>
        Assert.Equal("Waiting in the team queue: the team has no agents.", new AssignmentAttempt(T, "queue", null, null, null, [], []).Summary);
}
