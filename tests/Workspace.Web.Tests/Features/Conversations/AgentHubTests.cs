using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Data.Teams;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Conversations;

/// <summary>The staff hub: who may connect, who may follow which conversation, and what a subscriber is told.</summary>
public sealed class AgentHubTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConversationService Service => app.Service<ConversationService>();

    [Fact]
    public async Task Connect_Anonymous_IsRefused()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => HubAgentClient.ConnectWithCookieAsync(app, cookie: null));

        using var client = app.CreateApiClient(apiKey: null);
        using var negotiate = await client.SendAsync(HttpMethod.Post, "/hubs/agent/negotiate?negotiateVersion=1", "");
        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task Connect_WithApiKeyInsteadOfStaffSession_IsRefused()
    {
        using var client = app.CreateApiClient();

        using var negotiate = await client.SendAsync(HttpMethod.Post, "/hubs/agent/negotiate?negotiateVersion=1", "");

        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task Connect_QaReviewer_IsRefused()
    {
        var cookie = await app.StaffCookieAsync(WorkspaceApp.QaEmail);

        await Assert.ThrowsAsync<HttpRequestException>(() => HubAgentClient.ConnectWithCookieAsync(app, cookie));
    }

    [Theory]
    [InlineData(WorkspaceApp.AgentEmail)]
    [InlineData(WorkspaceApp.LeadEmail)]
    [InlineData(WorkspaceApp.AdminEmail)]
    public async Task Connect_InboxRoles_AreAccepted(string email)
    {
        await using var staff = await HubAgentClient.ConnectAsync(app, email);

        Assert.Equal(HubConnectionState.Connected, staff.Connection.State);
    }

    [Fact]
    public async Task Subscribe_ThenCustomerWrites_AgentReceivesMessageStored()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync("First message from the API");
        await using var agent = await HubAgentClient.ConnectAsync(app, WorkspaceApp.AgentEmail);

        var lastSequence = await agent.SubscribeAsync(conversationId);
        using (var response = await api.SendJsonAsync(HttpMethod.Post, HubConversations.ConversationPath(conversationId, "/messages"),
                   new { clientMessageId = HubCustomerClient.NewClientMessageId(), body = "Are you there?" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Equal(1, lastSequence);
        var stored = await agent.Stored.WaitForAsync(m => m.ConversationId == conversationId, "customer message");
        Assert.Equal((2L, AuthorKind.Customer, "Are you there?"), (stored.Sequence, stored.Author, stored.Body));
        await agent.Changes.WaitForAsync(c => c.ConversationId == conversationId, "conversation change");
    }

    [Fact]
    public async Task Subscribe_WidgetMessageAndNote_AgentReceivesBothInOrder()
    {
        var maya = await app.ScopeAsync("maya.chen@demo.local");
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Hello from the widget");
        await using var agent = await HubAgentClient.ConnectAsync(app, "maya.chen@demo.local");
        await agent.SubscribeAsync(opened.ConversationId);

        await widget.SendAsync("Second line from the widget");
        await app.RepliedAsync(maya, opened.ConversationId, "Internal note for the team", isNote: true);

        await agent.Stored.WaitForAsync(m => m.Sequence == 3, "note");
        Assert.Equal([(2L, AuthorKind.Customer), (3L, AuthorKind.Note)], agent.Stored.Items.Select(m => (m.Sequence, m.Author)));
        var caughtUp = await agent.CatchUpAsync(opened.ConversationId, 1);
        Assert.Equal([2L, 3L], caughtUp.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Subscribe_AgentOfOtherTeam_IsRefusedForConversationAssignedToSomeoneElse()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var maya = await app.ScopeAsync("maya.chen@demo.local");
        Assert.True((await Service.ClaimAsync(maya, conversationId, Ct)).Succeeded);
        await using var jonas = await HubAgentClient.ConnectAsync(app, "jonas.weber@demo.local");

        var subscribe = await Assert.ThrowsAsync<HubException>(() => jonas.SubscribeAsync(conversationId));
        var catchUp = await Assert.ThrowsAsync<HubException>(() => jonas.CatchUpAsync(conversationId, 0));

        Assert.Contains("team you are not in", subscribe.Message, StringComparison.Ordinal);
        Assert.Contains("team you are not in", catchUp.Message, StringComparison.Ordinal);
        await app.RepliedAsync(maya, conversationId, "A reply Jonas must not see");
        await Task.Delay(200, Ct);
        Assert.Empty(jonas.Stored.Items);
    }

    [Fact]
    public async Task Subscribe_UnknownConversation_IsRefused()
    {
        await using var agent = await HubAgentClient.ConnectAsync(app, WorkspaceApp.LeadEmail);

        var error = await Assert.ThrowsAsync<HubException>(() => agent.SubscribeAsync(long.MaxValue));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_Lead_ReachesAnyTeamsConversation()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync("For the lead");
        await using var lead = await HubAgentClient.ConnectAsync(app, WorkspaceApp.LeadEmail);

        Assert.Equal(1, await lead.SubscribeAsync(conversationId));
        Assert.Equal(["For the lead"], (await lead.CatchUpAsync(conversationId, 0)).Select(m => m.Body));
    }

    /// <summary>
    /// Access is checked when subscribing, but a subscription must not outlive it: once the
    /// conversation moves to a team the agent is not in, its messages (notes included) stop reaching them.
    /// </summary>
    [Fact]
    public async Task Subscription_AfterTransferToOtherTeam_StopsForwardingMessages()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync("Needs an API specialist");
        await using var agent = await HubAgentClient.ConnectAsync(app, "sofia.rossi@demo.local");
        await agent.SubscribeAsync(conversationId);
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        var escalations = (await app.Service<TeamRepository>().FindTeamAsync("Technical Escalations", Ct))!;
        var ravi = await app.StaffUserAsync("ravi.patel@demo.local");
        var transferred = await Service.TransferAsync(lead, conversationId, escalations.Id, ravi.Id, "API question", Ct);
        Assert.True(transferred.Succeeded, transferred.Refusal);
        var sofia = await app.ScopeAsync("sofia.rossi@demo.local");
        Assert.Null((await Service.GetForStaffAsync(sofia, conversationId, Ct)).Conversation);

        await app.RepliedAsync(await app.ScopeAsync("ravi.patel@demo.local"), conversationId, "Internal: customer key leaked, rotate it", isNote: true);
        await app.RepliedAsync(lead, conversationId, "Marker sent after the note");
        // The lead's subscription proves the messages went out; Sofia's must have stayed silent.
        await using var witness = await HubAgentClient.ConnectAsync(app, WorkspaceApp.LeadEmail);
        await witness.SubscribeAsync(conversationId);
        using (var response = await api.SendJsonAsync(HttpMethod.Post, HubConversations.ConversationPath(conversationId, "/messages"),
                   new { clientMessageId = HubCustomerClient.NewClientMessageId(), body = "Customer follow-up" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await witness.Stored.WaitForAsync(m => m.Body == "Customer follow-up", "follow-up at the lead");
        await Task.Delay(200, Ct);

        var leaked = agent.Stored.Items;
        Assert.True(leaked.Count == 0,
            $"After the transfer, Sofia (no longer allowed to read it) was still sent: {string.Join(" | ", leaked.Select(m => $"#{m.Sequence} {m.Author}: {m.Body}"))}");
    }
}
