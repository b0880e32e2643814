using System.Text.Json;
using Workspace.Data.Teams;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Conversations;

/// <summary>What each role may do to a General Support conversation, checked by the service itself rather than the UI.</summary>
public sealed class ConversationServiceAuthorizationTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConversationService Service => app.Service<ConversationService>();

    [Fact]
    public async Task QaReviewer_CanReadButNotReplyClaimResolveSnoozeOrTransfer()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var qa = await app.ScopeAsync(WorkspaceApp.QaEmail);
        var general = (await app.Service<TeamRepository>().FindTeamAsync(HubStaff.GeneralSupport, Ct))!;

        var read = await Service.GetForStaffAsync(qa, conversationId, Ct);
        var reply = await app.ReplyAsync(qa, conversationId, "QA should not be able to send this");
        var note = await app.ReplyAsync(qa, conversationId, "Nor this note", isNote: true);
        var claim = await Service.ClaimAsync(qa, conversationId, Ct);
        var resolve = await Service.ResolveAsync(qa, conversationId, Ct);
        var snooze = await Service.SnoozeAsync(qa, conversationId, DateTimeOffset.UtcNow.AddHours(1), Ct);
        var transfer = await Service.TransferAsync(qa, conversationId, general.Id, null, "QA moving it", Ct);

        Assert.NotNull(read.Conversation);
        Assert.All([reply.Refusal, note.Refusal, claim.Refusal, resolve.Refusal, snooze.Refusal, transfer.Refusal],
            refusal => Assert.Contains("Your role does not allow", refusal, StringComparison.Ordinal));
        await AssertUntouchedAsync(api, conversationId);
    }

    [Fact]
    public async Task AgentOfOtherTeam_CannotReadReplyClaimOrResolve()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var jonas = await app.ScopeAsync("jonas.weber@demo.local");

        var read = await Service.GetForStaffAsync(jonas, conversationId, Ct);
        var reply = await app.ReplyAsync(jonas, conversationId, "Jonas answering outside his team");
        var claim = await Service.ClaimAsync(jonas, conversationId, Ct);
        var resolve = await Service.ResolveAsync(jonas, conversationId, Ct);

        Assert.Null(read.Conversation);
        Assert.Contains("team you are not in", read.Refusal, StringComparison.Ordinal);
        Assert.False(reply.Succeeded);
        Assert.False(claim.Succeeded);
        Assert.False(resolve.Succeeded);
        await AssertUntouchedAsync(api, conversationId);
    }

    [Fact]
    public async Task Lead_CanReplyToAnyTeamsConversation()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        Assert.Empty(lead.TeamIds);

        var reply = await app.ReplyAsync(lead, conversationId, "Leah here, I'll take care of it.");

        Assert.True(reply.Succeeded, reply.Refusal);
        var stored = (await api.MessagesAsync(conversationId))[^1];
        Assert.Equal((2L, "Agent", "Leah Brooks", "Leah here, I'll take care of it."),
            (stored.Sequence(), stored.GetProperty("author").GetString(), stored.GetProperty("authorName").GetString(), stored.Body()));
        Assert.True((await Service.ClaimAsync(lead, conversationId, Ct)).Succeeded);
        Assert.True((await Service.ResolveAsync(lead, conversationId, Ct)).Succeeded);
        Assert.Equal("Resolved", (await api.ConversationAsync(conversationId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Agent_CanReplyToOwnTeamsConversationAndItWaitsOnTheCustomer()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);

        var reply = await app.ReplyAsync(agent, conversationId, "Happy to help.");

        Assert.True(reply.Succeeded, reply.Refusal);
        Assert.Equal((2L, AuthorKind.Agent), (reply.Value!.Sequence, reply.Value.AuthorKind));
        Assert.Equal("Pending", (await api.ConversationAsync(conversationId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Admin_CanReplyButDoesNotTakeConversations()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var admin = await app.ScopeAsync(WorkspaceApp.AdminEmail);

        var reply = await app.ReplyAsync(admin, conversationId, "Admin stepping in.");
        var claim = await Service.ClaimAsync(admin, conversationId, Ct);

        Assert.True(reply.Succeeded, reply.Refusal);
        Assert.False(claim.Succeeded);
        Assert.Equal(JsonValueKind.Null, (await api.ConversationAsync(conversationId)).GetProperty("queue").GetProperty("assignee").ValueKind);
    }

    [Fact]
    public async Task StaffReply_InvalidBody_IsRefusedAndNothingStored()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);

        var empty = await app.ReplyAsync(agent, conversationId, "   ");
        var tooLong = await app.ReplyAsync(agent, conversationId, new string('z', MessageInput.MaxBodyLength + 1));

        Assert.Contains("The message is empty", empty.Refusal, StringComparison.Ordinal);
        Assert.Contains("the limit is", tooLong.Refusal, StringComparison.Ordinal);
        await AssertUntouchedAsync(api, conversationId);
    }

    private static async Task AssertUntouchedAsync(HttpClient api, long conversationId)
    {
        Assert.Equal([1L], (await api.MessagesAsync(conversationId)).Select(m => m.Sequence()));
        var conversation = await api.ConversationAsync(conversationId);
        Assert.Equal("Open", conversation.GetProperty("status").GetString());
        Assert.Equal(1, conversation.GetProperty("lastSequence").GetInt64());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("queue").GetProperty("assignee").ValueKind);
        Assert.Equal(HubStaff.GeneralSupport, conversation.GetProperty("queue").GetProperty("team").GetString());
    }
}
