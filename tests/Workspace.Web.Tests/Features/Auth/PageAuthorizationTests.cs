using System.Net;
using Workspace.Data.Customers;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>Which pages each role can open, checked on the server's first render (what a browser receives).</summary>
public sealed class PageAuthorizationTests(WorkspaceApp app)
{
    /// <summary>Admin pages with their heading and a piece of content only the page itself renders.</summary>
    public static readonly TheoryData<string, string, string> AdminPages = new()
    {
        { "/admin/users", "Users", "aria-label=\"Staff users\"" },
        { "/admin/api-keys", "API keys", ">Create key<" },
        { "/admin/audit", "Audit log", "aria-label=\"Audit entries\"" },
    };

    public static readonly TheoryData<string> NonAdminEmails = [WorkspaceApp.AgentEmail, WorkspaceApp.LeadEmail, WorkspaceApp.QaEmail];

    public static readonly TheoryData<string> AllDemoEmails = [WorkspaceApp.AgentEmail, WorkspaceApp.LeadEmail, WorkspaceApp.QaEmail, WorkspaceApp.AdminEmail];

    public static readonly TheoryData<string, string> NonAdminOnAdminPages = new(
        from email in new[] { WorkspaceApp.AgentEmail, WorkspaceApp.LeadEmail, WorkspaceApp.QaEmail }
        from page in new[] { "/admin/users", "/admin/api-keys", "/admin/audit" }
        select (email, page));

    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/customers/cus_0001")]
    [InlineData("/admin/users")]
    [InlineData("/admin/api-keys")]
    [InlineData("/admin/audit")]
    [InlineData("/access-denied")]
    public async Task Anonymous_ProtectedPage_RedirectsToLogin(string path)
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(path);

        HttpAssert.RedirectsToLogin(response);
    }

    [Fact]
    public async Task Anonymous_LoginPage_Renders()
    {
        using var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/login");

        Assert.Equal("Workspace", HtmlForms.Heading(page));
    }

    [Theory]
    [MemberData(nameof(AllDemoEmails))]
    public async Task Staff_CustomersPage_Renders(string email)
    {
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync("/customers");

        Assert.Equal("Customers", HtmlForms.Heading(page));
        Assert.Contains("aria-label=\"Customers\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllDemoEmails))]
    public async Task Staff_CustomerPage_ShowsTheCustomer(string email)
    {
        var customer = await app.Service<CustomerRepository>().GetAsync("cus_0001", TestContext.Current.CancellationToken);
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync("/customers/cus_0001");

        Assert.Equal(customer!.Profile.Name, HtmlForms.Heading(page));
    }

    [Theory]
    [MemberData(nameof(NonAdminOnAdminPages))]
    public async Task NonAdmin_AdminPage_IsDeniedWithoutItsContent(string email, string path)
    {
        var browser = await app.DemoSessionAsync(email);
        var content = AdminPages.Single(row => row.Data.Item1 == path).Data.Item3;

        using var response = await browser.GetAsync(path);

        Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(response), StringComparison.Ordinal);
        Assert.DoesNotContain(content, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var denied = await browser.GetPageAsync(HttpAssert.RedirectsTo(response));
        Assert.Equal("Access denied", HtmlForms.Heading(denied));
        Assert.DoesNotContain(content, denied, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_AdminPage_RendersWithHeadingAndContent(string path, string heading, string content)
    {
        var browser = await app.DemoSessionAsync(WorkspaceApp.AdminEmail);

        var page = await browser.GetPageAsync(path);

        Assert.Equal(heading, HtmlForms.Heading(page));
        Assert.Contains(content, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_UsersPage_ListsTheDemoAccounts()
    {
        var browser = await app.DemoSessionAsync(WorkspaceApp.AdminEmail);

        var page = await browser.GetPageAsync("/admin/users");

        Assert.Contains(">New user<", page, StringComparison.Ordinal);
        foreach (var email in AllDemoEmails)
        {
            Assert.Contains($">{email.Data}</td>", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NonAdminEmails))]
    public async Task NonAdmin_Navigation_HidesAdministration(string email)
    {
        var browser = await app.DemoSessionAsync(email);

        var page = await browser.GetPageAsync("/customers");

        Assert.Contains("href=\"/customers\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_Navigation_ShowsAdministration()
    {
        var browser = await app.DemoSessionAsync(WorkspaceApp.AdminEmail);

        var page = await browser.GetPageAsync("/customers");

        Assert.Contains("href=\"/admin/users\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/api-keys\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_Root_RedirectsToCustomers()
    {
        var browser = await app.DemoSessionAsync(WorkspaceApp.AgentEmail);

        using var response = await browser.GetAsync("/");

        Assert.Equal("/customers", HttpAssert.RedirectsTo(response));
    }

    [Fact]
    public async Task Response_UnknownPage_IsNotFound()
    {
        var browser = await app.DemoSessionAsync(WorkspaceApp.AgentEmail);

        using var response = await browser.GetAsync($"/no-such-page-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
