using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Qa.Reviews;

/// <summary>Who may open the review queue and the scorecards page, checked on the server's first render.</summary>
public sealed class ReviewPagesAuthorizationTests(WorkspaceApp app)
{
    [Theory]
    [InlineData(WorkspaceApp.AgentEmail, "/qa/queue")]
    [InlineData(WorkspaceApp.AgentEmail, "/qa/scorecards")]
    [InlineData(WorkspaceApp.QaEmail, "/qa/scorecards")]
    public async Task Page_RoleNotAllowed_DeniedWithoutItsContent(string email, string path)
    {
        var browser = await app.DemoSessionAsync(email);

        using var response = await browser.GetAsync(path);

        Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(response), StringComparison.Ordinal);
        Assert.DoesNotContain("queue-left", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WorkspaceApp.QaEmail, "/qa/queue", "Review queue")]
    [InlineData(WorkspaceApp.LeadEmail, "/qa/queue", "Review queue")]
    [InlineData(WorkspaceApp.LeadEmail, "/qa/scorecards", "Scorecards")]
    [InlineData(WorkspaceApp.AdminEmail, "/qa/scorecards", "Scorecards")]
    public async Task Page_RoleAllowed_Renders(string email, string path, string heading)
    {
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync(path);

        Assert.Equal(heading, HtmlForms.Heading(page));
    }
}
