using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Data.Audit;
using Workspace.Data.Conversations;
using Workspace.Data.Staff;
using Workspace.Data.Teams;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Admin;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Chat;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>
/// QA reviewers read any conversation and change none of them, whichever way they try: the staff hub,
/// the customer hub with their own cookie, the conversation service the conversation view calls, or the
/// user administration the admin pages call.
/// Every conversation here is opened by the test itself.
/// </summary>
public sealed class QaReadOnlyTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConversationService Service => app.Service<ConversationService>();

    [Fact]
    public async Task StaffHub_QaConnects_Refused403NamingWhatQaCannotDo()
    {
        var cookie = await app.StaffCookieAsync(WorkspaceApp.QaEmail);
        using var client = app.CreateApiClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hubs/agent/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);

        using var negotiate = await client.SendAsync(request, Ct);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => HubAgentClient.ConnectWithCookieAsync(app, cookie));

        var problem = await negotiate.ProblemAsync(HttpStatusCode.Forbidden);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Equal(AuthModule.HubRoleRefusal, detail);
        Assert.Contains("cannot send, write notes, assign, transfer, escalate, snooze, resolve or reopen", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (entries, _) = await app.Service<AuditLog>().PageAsync("access.refused", 0, 500, Ct);
        Assert.Contains(entries, e => e.Actor == WorkspaceApp.QaEmail && e.Target == "/hubs/agent/negotiate");
    }

    /// <summary>
    /// The staff hub only lets its callers follow conversations: every write goes through the conversation
    /// service from the conversation view, where the role is checked. A write method added to the hub must
    /// come with its own QA refusal test (and an entry in docs/authorization.md) before this list grows.
    /// </summary>
    [Fact]
    public void StaffHub_OffersNoWriteMethod()
    {
        var methods = typeof(AgentHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(AgentHub.OnDisconnectedAsync))
            .Select(m => m.Name).Order().ToList();

        Assert.Equal([nameof(AgentHub.CatchUp), nameof(AgentHub.Subscribe)], methods);
    }

    [Fact]
    public async Task CustomerHub_QaWithOwnCookie_CannotReadWriteOrRateAStaffConversation()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync("Customer asks about an invoice");
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        Assert.True((await Service.ResolveAsync(lead, conversationId, Ct)).Succeeded);
        var cookie = await app.StaffCookieAsync(WorkspaceApp.QaEmail);
        await using var widget = HubCustomerClient.Build(app, CustomerHub.Path, cookie);
        await widget.StartAsync(Ct);
        var session = await widget.InvokeAsync<ChatSession>(nameof(CustomerHub.Start), new StartChat(null, null, null, null), Ct);

        var catchUp = await Assert.ThrowsAsync<HubException>(() =>
            widget.InvokeAsync<IReadOnlyList<ChatMessage>>(nameof(CustomerHub.CatchUp), conversationId, 0L, Ct));
        var rate = await Assert.ThrowsAsync<HubException>(() => widget.InvokeAsync<ChatConversation>(nameof(CustomerHub.Rate), conversationId, 1, Ct));

        // A staff cookie earns nothing on the widget's hub: the connection is a fresh anonymous visitor.
        Assert.False(session.Identified);
        Assert.Null(session.Conversation);
        Assert.Contains("does not exist", catchUp.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", rate.Message, StringComparison.Ordinal);
        var conversation = await api.ConversationAsync(conversationId);
        Assert.Equal("Resolved", conversation.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("csat").ValueKind);
        Assert.Equal([1L], (await api.MessagesAsync(conversationId)).Select(m => m.Sequence()));
    }

    [Fact]
    public async Task Service_QaTriesEveryConversationAction_EachRefusedNamingTheRoleAndNothingStored()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync("Please help with my export");
        var qa = await QaScopeAsync();
        var escalations = await TeamAsync("Technical Escalations");
        var summary = new EscalationSummary("Tried the usual steps", "Cannot export", "Pro customer");
        var before = await ConversationRecordAsync(conversationId);

        var refusals = new Dictionary<string, string?>
        {
            ["send"] = (await app.ReplyAsync(qa, conversationId, "QA must not reach the customer")).Refusal,
            ["note"] = (await app.ReplyAsync(qa, conversationId, "Nor write a note", isNote: true)).Refusal,
            ["assign"] = (await Service.ClaimAsync(qa, conversationId, Ct)).Refusal,
            ["transfer"] = (await Service.TransferAsync(qa, conversationId, escalations, null, "QA moving it", Ct)).Refusal,
            ["escalate"] = (await Service.EscalateAsync(qa, conversationId, escalations, summary, Ct)).Refusal,
            ["snooze"] = (await Service.SnoozeAsync(qa, conversationId, DateTimeOffset.UtcNow.AddHours(1), Ct)).Refusal,
            ["resolve"] = (await Service.ResolveAsync(qa, conversationId, Ct)).Refusal,
        };

        Assert.All(refusals, r => Assert.True(r.Value?.StartsWith("Your role does not allow", StringComparison.Ordinal) == true, $"{r.Key}: {r.Value ?? "done"}"));
        var after = await ConversationRecordAsync(conversationId);
        Assert.Equal((before.Status, before.TeamId, before.AssigneeId, before.Escalated, before.LastSequence),
            (after.Status, after.TeamId, after.AssigneeId, after.Escalated, after.LastSequence));
        Assert.Single(await app.Service<ConversationRepository>().MessagesAfterAsync(conversationId, 0, 50, includeNotes: true, Ct));
    }

    [Fact]
    public async Task Service_QaReopensAResolvedConversation_RefusedAndStaysResolved()
    {
        using var api = app.CreateApiClient();
        var (_, conversationId) = await api.OpenConversationAsync("Thanks, all sorted");
        Assert.True((await Service.ResolveAsync(await app.ScopeAsync(WorkspaceApp.LeadEmail), conversationId, Ct)).Succeeded);

        var reopen = await Service.ReopenAsync(await QaScopeAsync(), conversationId, Ct);

        Assert.Equal("Your role does not allow changing this conversation.", reopen.Refusal);
        Assert.Equal(ConversationStatus.Resolved, (await ConversationRecordAsync(conversationId)).Status);
    }

    [Fact]
    public async Task Service_QaSetsPresenceOnline_RefusedEvenWithALeftoverAgentRow()
    {
        // A reviewer who used to be an agent keeps the agent row; Online would pull queued conversations to them.
        var (former, _) = await app.CreateTeamAgentAsync(HubStaff.GeneralSupport);
        await app.Service<StaffRepository>().SetRolesAsync(former.UserId, [Role.QA], "tests", DateTimeOffset.UtcNow, Ct);
        var reviewer = former with { Roles = new HashSet<Role> { Role.QA } };

        var online = await Service.SetPresenceAsync(reviewer, Presence.Online, Ct);

        Assert.False(online);
        Assert.NotEqual(Presence.Online, await app.Service<TeamRepository>().PresenceAsync(reviewer.UserId, Ct));
    }

    [Fact]
    public async Task UserAdministration_QaPrincipal_CreateRolesAndDisableRefusedAndNothingChanged()
    {
        var (id, _, _) = await app.CreateStaffAsync(Role.Agent);
        var qa = StaffAuth.ToPrincipal(await app.StaffUserAsync(WorkspaceApp.QaEmail));
        var administration = app.Service<UserAdministration>();
        var email = $"qa-made-{Guid.NewGuid():N}@tests.local";

        var create = await administration.CreateAsync(qa, new StaffUserInput(email, "Made by QA", "Tests!2345", [Role.Admin]), Ct);
        var roles = await administration.SetRolesAsync(qa, id, [Role.Admin], Ct);
        var disable = await administration.SetDisabledAsync(qa, id, true, Ct);

        Assert.Equal([UserAdministration.NotAdmin], create.ToDictionary().SelectMany(e => e.Value));
        Assert.Equal(UserAdministration.NotAdmin, roles);
        Assert.Equal(UserAdministration.NotAdmin, disable);
        var staff = app.Service<StaffRepository>();
        Assert.Null(await staff.FindByEmailAsync(email, Ct));
        var untouched = (await staff.FindByIdAsync(id, Ct))!;
        Assert.Equal([Role.Agent], untouched.Roles);
        Assert.False(untouched.IsDisabled);
    }

    [Fact]
    public async Task Read_QaOpensConversationsOfEveryTeam_AllReadable()
    {
        using var api = app.CreateApiClient();
        var (_, general) = await api.OpenConversationAsync("For General Support");
        var (_, moved) = await api.OpenConversationAsync("For Technical Escalations");
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        Assert.True((await Service.TransferAsync(lead, moved, await TeamAsync("Technical Escalations"), null, "Needs an engineer", Ct)).Succeeded);
        var qa = await QaScopeAsync();
        Assert.Empty(qa.TeamIds);

        var readGeneral = await Service.GetForStaffAsync(qa, general, Ct);
        var readMoved = await Service.GetForStaffAsync(qa, moved, Ct);

        Assert.Equal(HubStaff.GeneralSupport, readGeneral.Conversation?.TeamName);
        Assert.Equal("Technical Escalations", readMoved.Conversation?.TeamName);
        Assert.All([readGeneral.Refusal, readMoved.Refusal], Assert.Null);
    }

    /// <summary>QA's scope worked out from the demo account's role, as for a signed-in session.</summary>
    private async Task<StaffScope> QaScopeAsync()
    {
        var qa = await app.ScopeAsync(WorkspaceApp.QaEmail);
        Assert.Equal([Role.QA], qa.Roles);
        return qa;
    }

    private async Task<long> TeamAsync(string name) => (await app.Service<TeamRepository>().FindTeamAsync(name, Ct))!.Id;

    private async Task<ConversationRecord> ConversationRecordAsync(long id) => (await app.Service<ConversationRepository>().GetAsync(id, Ct))!;
}
