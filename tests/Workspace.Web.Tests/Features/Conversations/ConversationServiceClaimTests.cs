using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Conversations;

/// <summary>"Assign to me" when several agents press it at once: one wins, the others are told who did.</summary>
public sealed class ConversationServiceClaimTests(WorkspaceApp app)
{
    private static readonly string[] DemoGeneralSupport =
        [WorkspaceApp.AgentEmail, "maya.chen@demo.local", "omar.haddad@demo.local", "sofia.rossi@demo.local"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_EightAgentsAtOnce_ExactlyOneWinsAndTheOthersAreToldWho()
    {
        using var api = app.CreateApiClient();
        var agents = new List<(StaffScope Scope, string Name)>();
        foreach (var email in DemoGeneralSupport)
        {
            agents.Add((await app.ScopeAsync(email), (await app.StaffUserAsync(email)).DisplayName));
        }
        while (agents.Count < 8)
        {
            agents.Add(await app.CreateTeamAgentAsync(HubStaff.GeneralSupport));
        }
        var service = app.Service<ConversationService>();

        for (var round = 0; round < 5; round++)
        {
            var (_, conversationId) = await api.OpenConversationAsync($"Race {round}");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var claims = agents.Select(a => Task.Run(async () =>
            {
                await go.Task;
                return (Agent: a, Result: await service.ClaimAsync(a.Scope, conversationId, Ct));
            }, Ct)).ToList();

            go.SetResult();
            var outcomes = await Task.WhenAll(claims);

            var winner = Assert.Single(outcomes, o => o.Result.Succeeded);
            Assert.Equal(winner.Agent.Scope.UserId, winner.Result.Value!.AssigneeId);
            Assert.All(outcomes.Where(o => !o.Result.Succeeded), o =>
                Assert.Equal($"{winner.Agent.Name} took this conversation first.", o.Result.Refusal));
            var conversation = await api.ConversationAsync(conversationId);
            Assert.Equal(winner.Agent.Name, conversation.Assignee());
            Assert.Equal(winner.Agent.Scope.UserId, conversation.GetProperty("queue").GetProperty("assigneeId").GetInt64());
        }
    }

    [Fact]
    public async Task Claim_AlreadyTakenConversation_TellsTheLaterAgentWhoHasIt()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var service = app.Service<ConversationService>();
        Assert.True((await service.ClaimAsync(await app.ScopeAsync("omar.haddad@demo.local"), conversationId, Ct)).Succeeded);

        var late = await service.ClaimAsync(await app.ScopeAsync("sofia.rossi@demo.local"), conversationId, Ct);

        Assert.False(late.Succeeded);
        Assert.Equal("Omar Haddad took this conversation first.", late.Refusal);
        Assert.Equal("Omar Haddad", (await api.ConversationAsync(conversationId)).Assignee());
    }
}
