using System.Net;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

public sealed class LogoutTests(WorkspaceApp app)
{
    [Fact]
    public async Task SignOut_FormFromTheAppBar_EndsTheSession()
    {
        using var browser = await app.SignedInAsync(WorkspaceApp.AgentEmail);

        using var response = await browser.SignOutAsync();

        Assert.Equal("/login", HttpAssert.RedirectsTo(response));
        Assert.Contains("expires=Thu, 01 Jan 1970", HttpAssert.SetCookie(response, StaffBrowser.AuthCookie), StringComparison.Ordinal);
        using var customers = await browser.GetAsync("/customers");
        HttpAssert.RedirectsToLogin(customers);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefusedAndSessionStays()
    {
        using var browser = await app.SignedInAsync(WorkspaceApp.AgentEmail);
        using var empty = new FormUrlEncodedContent([]);

        using var response = await browser.Client.PostAsync(new Uri("/logout", UriKind.Relative), empty, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var after = await browser.GetAsync("/customers");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
