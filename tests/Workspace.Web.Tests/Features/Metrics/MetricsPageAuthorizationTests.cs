using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Metrics;

/// <summary>Who may open the metrics dashboard, checked on the server's first render (what a browser receives).</summary>
public sealed class MetricsPageAuthorizationTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly TheoryData<string> MaySee = [WorkspaceApp.LeadEmail, WorkspaceApp.AdminEmail];

    public static readonly TheoryData<string> MayNotSee = [WorkspaceApp.AgentEmail, WorkspaceApp.QaEmail];

    [Theory]
    [MemberData(nameof(MayNotSee))]
    public async Task AgentOrQa_MetricsPage_IsDeniedWithoutItsContent(string email)
    {
        var browser = await app.DemoSessionAsync(email);

        using var response = await browser.GetAsync("/metrics");

        Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(response), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("First response time", body, StringComparison.Ordinal);
        var denied = await browser.GetPageAsync(HttpAssert.RedirectsTo(response));
        Assert.Equal("Access denied", HtmlForms.Heading(denied));
    }

    [Theory]
    [MemberData(nameof(MaySee))]
    public async Task LeadOrAdmin_MetricsPage_RendersTheDashboard(string email)
    {
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync("/metrics?period=90&group=agent");

        Assert.Equal("Metrics", HtmlForms.Heading(page));
        Assert.Contains("aria-label=\"First response time\"", page, StringComparison.Ordinal);
        Assert.Contains("Metrics by agent:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_MetricsPage_RedirectsToLogin()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/metrics");

        HttpAssert.RedirectsToLogin(response);
    }
}
