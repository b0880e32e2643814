using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Chat;

/// <summary>What the widget is told as it happens: replies, who is answering, typing, resolution and the rating.</summary>
public sealed class CustomerHubLiveTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConversationService Service => app.Service<ConversationService>();

    [Fact]
    public async Task AgentReply_IsPushedToTheWidget()
    {
        var agent = await app.ScopeAsync("sofia.rossi@demo.local");
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Where can I find my API key?");

        var reply = await app.RepliedAsync(agent, opened.ConversationId, "Under Settings > API. <b>Keep it secret</b>.");

        var pushed = await widget.Received.WaitForAsync(m => m.Author == "agent", "agent reply");
        Assert.Equal((opened.ConversationId, reply.Sequence, "Under Settings > API. <b>Keep it secret</b>.", "Sofia Rossi"),
            (pushed.ConversationId, pushed.Sequence, pushed.Body, pushed.AuthorName));
        Assert.Single(widget.Received.Items, m => m.Sequence == reply.Sequence);
    }

    [Fact]
    public async Task Claim_PushesConversationUpdateWithAgentName()
    {
        var agent = await app.ScopeAsync("maya.chen@demo.local");
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Hi, anyone there?");

        var claimed = await Service.ClaimAsync(agent, opened.ConversationId, Ct);

        Assert.True(claimed.Succeeded, claimed.Refusal);
        var update = await widget.Updates.WaitForAsync(c => c.AgentName is not null, "update naming the agent");
        Assert.Equal((opened.ConversationId, "Maya Chen", false), (update.Id, update.AgentName, update.RatingRequested));
    }

    [Fact]
    public async Task AgentTyping_IsPushedToTheWidget()
    {
        var agent = await app.ScopeAsync("omar.haddad@demo.local");
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Hello");
        var conversation = (await Service.GetForStaffAsync(agent, opened.ConversationId, Ct)).Conversation!;

        await Service.StaffTypingAsync(agent, conversation, "Omar Haddad", isTyping: true);

        var typing = await widget.AgentTyping.WaitForAsync(t => t.IsTyping, "typing indicator");
        Assert.Equal("Omar Haddad", typing.AgentName);
    }

    [Fact]
    public async Task Resolve_AsksForRatingAndRateStoresCsat()
    {
        using var api = app.CreateApiClient();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("How do I reset my password?");
        Assert.True((await Service.ClaimAsync(agent, opened.ConversationId, Ct)).Succeeded);
        await app.RepliedAsync(agent, opened.ConversationId, "Use the 'Forgot password' link.");

        var resolved = await Service.ResolveAsync(agent, opened.ConversationId, Ct);

        Assert.True(resolved.Succeeded, resolved.Refusal);
        var update = await widget.Updates.WaitForAsync(c => c.Status == "Resolved", "resolution");
        Assert.True(update.RatingRequested);
        Assert.Null(update.Csat);

        var rated = await widget.RateAsync(opened.ConversationId, 5);

        Assert.Equal((5, false), (rated.Csat, rated.RatingRequested));
        Assert.Equal(5, (await api.ConversationAsync(opened.ConversationId)).GetProperty("csat").GetInt32());
        var after = await widget.Updates.WaitForAsync(c => c.Csat == 5, "rated update");
        Assert.False(after.RatingRequested);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task Rate_OutOfRange_IsRefusedAndStoresNothing(int csat)
    {
        using var api = app.CreateApiClient();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Quick question");
        Assert.True((await Service.ResolveAsync(agent, opened.ConversationId, Ct)).Succeeded);

        var error = await Assert.ThrowsAsync<HubException>(() => widget.RateAsync(opened.ConversationId, csat));

        Assert.Contains("from 1 to 5", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await api.ConversationAsync(opened.ConversationId)).GetProperty("csat").ValueKind);
    }

    [Fact]
    public async Task Rate_OpenConversation_IsRefused()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Still waiting");

        var error = await Assert.ThrowsAsync<HubException>(() => widget.RateAsync(opened.ConversationId, 4));

        Assert.Contains("Only a resolved conversation can be rated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AfterResolve_ReopensTheSameConversation()
    {
        using var api = app.CreateApiClient();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("First question");
        Assert.True((await Service.ResolveAsync(agent, opened.ConversationId, Ct)).Succeeded);

        var followUp = await widget.SendAsync("One more thing!");

        Assert.Equal((opened.ConversationId, 2L), (followUp.ConversationId, followUp.Sequence));
        Assert.Equal("Open", (await api.ConversationAsync(opened.ConversationId)).GetProperty("status").GetString());
        await widget.Updates.WaitForAsync(c => c.Status == "Open" && c.LastSequence == 2, "reopened update");
    }
}
