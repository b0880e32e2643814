using System.Net;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Routing;

/// <summary>
/// Who may open the routing rules editor, and how a conversation reads for roles that may only read
/// it or not at all, checked on the server's first render (what a browser receives).
/// </summary>
public sealed class RoutingPagesAuthorizationTests(WorkspaceApp app)
{
    /// <summary>Markup only the rules editor renders: its status line.</summary>
    private const string RulesContent = "data-testid=\"routing-status\"";

    private const string ReadOnlyNotice = "You can read this conversation; your role does not allow writing in it.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string> MayEditRules = [WorkspaceApp.LeadEmail, WorkspaceApp.AdminEmail];

    public static readonly TheoryData<string> MayNotEditRules = [WorkspaceApp.AgentEmail, WorkspaceApp.QaEmail];

    /// <summary>A conversation of a new customer, routed to General Support; returns its id and the customer's name.</summary>
    private async Task<(long Id, string Customer)> OpenGeneralSupportConversationAsync(string message)
    {
        var name = $"Routing Pages {Guid.NewGuid().ToString("N")[..8]}";
        var customerId = await app.EstablishedCustomerAsync(name);
        var (conversation, _, _) = await app.Service<ConversationService>().OpenAsync(customerId, Channel.Chat, "Question", Guid.NewGuid().ToString("N"), message, Ct);
        Assert.Equal(HubStaff.GeneralSupport, conversation.TeamName);
        return (conversation.Id, name);
    }

    [Fact]
    public async Task Anonymous_RulesPage_RedirectsToLogin()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/rules");

        HttpAssert.RedirectsToLogin(response);
    }

    [Theory]
    [MemberData(nameof(MayNotEditRules))]
    public async Task AgentOrQa_RulesPage_IsDeniedWithoutItsContent(string email)
    {
        var browser = await app.DemoSessionAsync(email);

        using var response = await browser.GetAsync("/rules");

        Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(response), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(RulesContent, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Enterprise accounts", body, StringComparison.Ordinal);
        var denied = await browser.GetPageAsync(HttpAssert.RedirectsTo(response));
        Assert.Equal("Access denied", HtmlForms.Heading(denied));
        Assert.DoesNotContain(RulesContent, denied, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MayEditRules))]
    public async Task LeadOrAdmin_RulesPage_RendersTheRules(string email)
    {
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync("/rules");

        Assert.Equal("Routing rules", HtmlForms.Heading(page));
        Assert.Contains(RulesContent, page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Rule 1: Enterprise accounts\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Rule 5: Default\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qa_ConversationPage_ReadOnlyWithoutComposer()
    {
        var (id, customer) = await OpenGeneralSupportConversationAsync("Where do I change the alert thresholds?");
        var browser = await app.DemoSessionAsync(WorkspaceApp.QaEmail);

        var page = await browser.GetPageAsync($"/inbox/{id}");

        Assert.Equal(customer, HtmlForms.Heading(page));
        Assert.Contains("Where do I change the alert thresholds?", page, StringComparison.Ordinal);
        Assert.Contains(ReadOnlyNotice, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Reply\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Send<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentOfTheTeam_ConversationPage_HasTheComposer()
    {
        var (id, customer) = await OpenGeneralSupportConversationAsync("Is there a way to schedule a report every Monday?");
        var browser = await app.DemoSessionAsync(WorkspaceApp.AgentEmail);

        var page = await browser.GetPageAsync($"/inbox/{id}");

        Assert.Equal(customer, HtmlForms.Heading(page));
        Assert.Contains("aria-label=\"Reply\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadOnlyNotice, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentOfAnotherTeam_ConversationPage_RefusedWithoutTheMessages()
    {
        var (id, customer) = await OpenGeneralSupportConversationAsync("Our invoice shows the wrong number of seats.");
        var browser = await app.DemoSessionAsync("jonas.weber@demo.local");

        var page = await browser.GetPageAsync($"/inbox/{id}");

        Assert.Contains("This conversation belongs to a team you are not in.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Our invoice shows the wrong number of seats.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(customer, page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Reply\"", page, StringComparison.Ordinal);
    }
}
