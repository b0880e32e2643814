using System.Net;
using Workspace.Data.Staff;
using Workspace.Domain.Staff;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>The staff cookie is re-checked against the account on every request, so admin changes apply at once.</summary>
public sealed class CookieRevalidationTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StaffRepository Staff => app.Service<StaffRepository>();

    [Fact]
    public async Task DisabledUser_NextRequest_IsSentToLogin()
    {
        var (id, email, password) = await app.CreateStaffAsync(Role.Agent);
        using var browser = await app.SignedInAsync(email, password);
        await browser.GetPageAsync("/customers");

        await Staff.SetDisabledAsync(id, true, "tests", DateTimeOffset.UtcNow, Ct);
        using var response = await browser.GetAsync("/customers");

        HttpAssert.RedirectsToLogin(response);
        Assert.DoesNotContain("aria-label=\"Customers\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReEnabledUser_OldCookie_StaysSignedOut()
    {
        var (id, email, password) = await app.CreateStaffAsync(Role.Agent);
        using var browser = await app.SignedInAsync(email, password);
        await Staff.SetDisabledAsync(id, true, "tests", DateTimeOffset.UtcNow, Ct);
        using var customers = await browser.GetAsync("/customers");
        HttpAssert.RedirectsToLogin(customers);

        await Staff.SetDisabledAsync(id, false, "tests", DateTimeOffset.UtcNow, Ct);
        using var response = await browser.GetAsync("/customers");

        HttpAssert.RedirectsToLogin(response);
    }

    [Fact]
    public async Task AdminRoleAdded_SameCookie_OpensAdminPages()
    {
        var (id, email, password) = await app.CreateStaffAsync(Role.Agent);
        using var browser = await app.SignedInAsync(email, password);
        using (var before = await browser.GetAsync("/admin/users"))
        {
            Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(before), StringComparison.Ordinal);
        }

        await Staff.SetRolesAsync(id, [Role.Agent, Role.Admin], "tests", DateTimeOffset.UtcNow, Ct);
        var page = await browser.GetPageAsync("/admin/users");

        Assert.Equal("Users", HtmlForms.Heading(page));
        Assert.Contains("aria-label=\"Staff users\"", page, StringComparison.Ordinal);
        Assert.Contains("ws-role\">Agent, Admin</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminRoleRemoved_SameCookie_LosesAdminPages()
    {
        var (id, email, password) = await app.CreateStaffAsync(Role.Agent, Role.Admin);
        using var browser = await app.SignedInAsync(email, password);
        await browser.GetPageAsync("/admin/users");

        await Staff.SetRolesAsync(id, [Role.Agent], "tests", DateTimeOffset.UtcNow, Ct);
        using var response = await browser.GetAsync("/admin/users");

        Assert.StartsWith("/access-denied", HttpAssert.RedirectsTo(response), StringComparison.Ordinal);
        using var customers = await browser.GetAsync("/customers");
        Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
    }
}
