using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Templates;

/// <summary>Who may open the template editor and its reference page, checked on the server's first render (what a browser receives).</summary>
public sealed class TemplatesPagesAuthorizationTests(WorkspaceApp app)
{
    public static readonly TheoryData<string> Pages = ["/templates", "/templates/reference"];

    public static readonly TheoryData<string, string> MayEdit = new()
    {
        { WorkspaceApp.LeadEmail, "/templates" },
        { WorkspaceApp.LeadEmail, "/templates/reference" },
        { WorkspaceApp.AdminEmail, "/templates" },
        { WorkspaceApp.AdminEmail, "/templates/reference" },
    };

    public static readonly TheoryData<string, string> MayNotEdit = new()
    {
        { WorkspaceApp.AgentEmail, "/templates" },
        { WorkspaceApp.AgentEmail, "/templates/reference" },
        { WorkspaceApp.QaEmail, "/templates" },
        { WorkspaceApp.QaEmail, "/templates/reference" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Markup only these pages render: a demo template's key (the editor's list), a model field (the reference).</summary>
    private static string ContentOf(string path) => path == "/templates" ? "template-item-onboarding-failed-step" : "recommendations.failed_step";

    private static string HeadingOf(string path) => path == "/templates" ? "Templates" : "Template reference";

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_RedirectsToLogin(string path)
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(path);

        HttpAssert.RedirectsToLogin(response);
    }

    [Theory]
    [MemberData(nameof(MayNotEdit))]
    public async Task AgentOrQa_IsDeniedWithoutTheContent(string email, string path)
    {
        var browser = await app.DemoSessionAsync(email);

        using var response = await browser.GetAsync(path);

        Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(response), StringComparison.Ordinal);
        Assert.DoesNotContain(ContentOf(path), await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var denied = await browser.GetPageAsync(HttpAssert.RedirectsTo(response));
        Assert.Equal("Access denied", HtmlForms.Heading(denied));
        Assert.DoesNotContain(ContentOf(path), denied, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MayEdit))]
    public async Task LeadOrAdmin_RendersThePage(string email, string path)
    {
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync(path);

        Assert.Equal(HeadingOf(path), HtmlForms.Heading(page));
        Assert.Contains(ContentOf(path), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_ReferencePage_ListsEveryFieldWithItsExampleAndTheLimits()
    {
        var browser = await app.DemoSessionAsync(WorkspaceApp.LeadEmail);

        var page = System.Net.WebUtility.HtmlDecode(await browser.GetPageAsync("/templates/reference"));

        foreach (var field in Workspace.Domain.Templates.TemplateModel.Reference)
        {
            Assert.Contains($">{field.Path}<", page, StringComparison.Ordinal);
            Assert.Contains(field.Example, page, StringComparison.Ordinal);
        }
        Assert.Contains("string.upcase", page, StringComparison.Ordinal);
        Assert.Contains("{{ include \"greeting\" }}", page, StringComparison.Ordinal);
        Assert.Contains("20,000 characters", page, StringComparison.Ordinal);
    }
}
