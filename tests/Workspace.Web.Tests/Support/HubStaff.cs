using System.Net;
using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Staff;
using Workspace.Data.Teams;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;

namespace Workspace.Web.Tests.Support;

/// <summary>Staff as the conversation service and the agent hub see them: signed-in cookies, access scopes, team members.</summary>
public static class HubStaff
{
    public const string GeneralSupport = "General Support";

    private const string AddMemberSql = """
        INSERT INTO team_members (team_id, user_id) VALUES (@TeamId, @UserId)
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in through the login form and returns the <c>Cookie</c> header value a client sends afterwards.</summary>
    public static async Task<string> StaffCookieAsync(this WorkspaceApp app, string email, string password = WorkspaceApp.DemoPassword)
    {
        using var browser = app.CreateBrowser();
        using var response = await browser.SubmitLoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var setCookie = HttpAssert.SetCookie(response, StaffBrowser.AuthCookie)
            ?? throw new InvalidOperationException($"Signing in as {email} set no {StaffBrowser.AuthCookie} cookie.");
        return setCookie.Split(';')[0];
    }

    public static async Task<StaffUser> StaffUserAsync(this WorkspaceApp app, string email) =>
        await app.Service<StaffRepository>().FindByEmailAsync(email, Ct)
            ?? throw new InvalidOperationException($"There is no staff account {email}.");

    /// <summary>What the service may let this account do, worked out exactly as for a signed-in session.</summary>
    public static async Task<StaffScope> ScopeAsync(this WorkspaceApp app, string email) =>
        await app.Service<ConversationService>().ScopeAsync(StaffAuth.ToPrincipal(await app.StaffUserAsync(email)), Ct);

    /// <summary>
    /// A new agent account in <paramref name="team"/> (membership only: it is not listed as an agent with
    /// capacity, so routing, transfer menus and counts elsewhere are unchanged).
    /// </summary>
    public static async Task<(StaffScope Scope, string Name)> CreateTeamAgentAsync(this WorkspaceApp app, string team)
    {
        var name = $"Agent {Guid.NewGuid().ToString("N")[..8]}";
        var email = $"agent-{Guid.NewGuid():N}@tests.local";
        var id = await app.Service<StaffRepository>().CreateAsync(
            email, name, PasswordHashing.Hash("Tests!2345"), [Role.Agent], "tests", DateTimeOffset.UtcNow, Ct)
            ?? throw new InvalidOperationException($"Could not create {email}.");
        var teamId = (await app.Service<TeamRepository>().FindTeamAsync(team, Ct))?.Id
            ?? throw new InvalidOperationException($"There is no team {team}.");
        await app.Service<Db>().WriteAsync((c, t) =>
            c.ExecuteAsync(new CommandDefinition(AddMemberSql, new { TeamId = teamId, UserId = id }, t, cancellationToken: Ct)), Ct);
        return (await app.ScopeAsync(email), name);
    }

    /// <summary>An agent's reply (or internal note) through the service, as the conversation view sends it.</summary>
    public static Task<StaffActionResult<MessageRecord>> ReplyAsync(this WorkspaceApp app, StaffScope staff, long conversationId, string body, bool isNote = false) =>
        app.Service<ConversationService>().SendFromStaffAsync(staff, conversationId, HubCustomerClient.NewClientMessageId(), body, isNote, Ct);

    /// <summary>A reply that must succeed.</summary>
    public static async Task<MessageRecord> RepliedAsync(this WorkspaceApp app, StaffScope staff, long conversationId, string body, bool isNote = false)
    {
        var result = await app.ReplyAsync(staff, conversationId, body, isNote);
        Assert.True(result.Succeeded, result.Refusal);
        return result.Value!;
    }
}
