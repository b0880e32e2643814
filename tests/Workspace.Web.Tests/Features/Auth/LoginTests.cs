using System.Net;
using Workspace.Data.Staff;
using Workspace.Domain.Staff;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>Signing in through the real /login form over HTTP, as a browser without JavaScript posts it.</summary>
public sealed class LoginTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginPage_Anonymous_RendersTheFormWithAntiforgeryToken()
    {
        using var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/login");

        var (_, fields) = HtmlForms.Find(page, (_, f) => f.ContainsKey("Input.Email"));
        Assert.Contains("Input.Password", fields.Keys);
        Assert.False(string.IsNullOrEmpty(fields["__RequestVerificationToken"]));
        Assert.Contains("<label for=\"email\">Email</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", page, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WorkspaceApp.AgentEmail, "Alex Morgan", "Agent")]
    [InlineData(WorkspaceApp.LeadEmail, "Leah Brooks", "Lead")]
    [InlineData(WorkspaceApp.QaEmail, "Quinn Avery", "QA")]
    [InlineData(WorkspaceApp.AdminEmail, "Adrian Shaw", "Admin")]
    public async Task SignIn_DemoAccount_RedirectsWithAuthCookieAndShowsNameAndRole(string email, string name, string role)
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitLoginAsync(email, WorkspaceApp.DemoPassword);

        Assert.Equal("/", HttpAssert.RedirectsTo(response));
        var cookie = HttpAssert.SetCookie(response, StaffBrowser.AuthCookie);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await browser.GetPageAsync("/customers");
        Assert.Contains($">{name}</p>", page, StringComparison.Ordinal);
        Assert.Contains($"ws-role\">{role}</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmailInOtherCase_SignsIn()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitLoginAsync("  Agent@Demo.Local ", WorkspaceApp.DemoPassword);

        Assert.NotNull(HttpAssert.SetCookie(response, StaffBrowser.AuthCookie));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndSetsNoCookie()
    {
        var (_, email, _) = await app.CreateStaffAsync(Role.Agent);
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitLoginAsync(email, "Wrong!2345");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(HttpAssert.SetCookie(response, StaffBrowser.AuthCookie));
        Assert.Equal("Wrong email or password.", HtmlForms.Alert(await response.Content.ReadAsStringAsync(Ct)));
        using var customers = await browser.GetAsync("/customers");
        HttpAssert.RedirectsToLogin(customers);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_ShowsTheSameErrorAsAWrongPassword()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitLoginAsync($"nobody-{Guid.NewGuid():N}@tests.local", "Whatever!2345");

        Assert.Null(HttpAssert.SetCookie(response, StaffBrowser.AuthCookie));
        Assert.Equal("Wrong email or password.", HtmlForms.Alert(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var (_, email, password) = await app.CreateStaffAsync(Role.Agent);
        using var browser = app.CreateBrowser();
        for (var attempt = 1; attempt < Lockout.MaxFailedAttempts; attempt++)
        {
            using var wrong = await browser.SubmitLoginAsync(email, $"Wrong!{attempt}");
            Assert.Equal("Wrong email or password.", HtmlForms.Alert(await wrong.Content.ReadAsStringAsync(Ct)));
        }

        using var fifth = await browser.SubmitLoginAsync(email, "Wrong!5");
        using var right = await browser.SubmitLoginAsync(email, password);

        Assert.StartsWith("Too many failed sign-ins", HtmlForms.Alert(await fifth.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null(HttpAssert.SetCookie(right, StaffBrowser.AuthCookie));
        Assert.StartsWith("Too many failed sign-ins", HtmlForms.Alert(await right.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var customers = await browser.GetAsync("/customers");
        HttpAssert.RedirectsToLogin(customers);
    }

    [Fact]
    public async Task SignIn_RightPasswordAfterSomeFailures_SignsInAndResetsTheCount()
    {
        var (_, email, password) = await app.CreateStaffAsync(Role.Agent);
        using var browser = app.CreateBrowser();
        for (var attempt = 1; attempt < Lockout.MaxFailedAttempts; attempt++)
        {
            using var wrong = await browser.SubmitLoginAsync(email, $"Wrong!{attempt}");
        }

        using var right = await browser.SubmitLoginAsync(email, password);
        using var anotherWrong = await browser.SubmitLoginAsync(email, "Wrong!again");

        Assert.NotNull(HttpAssert.SetCookie(right, StaffBrowser.AuthCookie));
        Assert.Equal("Wrong email or password.", HtmlForms.Alert(await anotherWrong.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefusedWithReason()
    {
        var (id, email, password) = await app.CreateStaffAsync(Role.Agent);
        await app.Service<StaffRepository>().SetDisabledAsync(id, true, "tests", DateTimeOffset.UtcNow, Ct);
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitLoginAsync(email, password);

        Assert.Null(HttpAssert.SetCookie(response, StaffBrowser.AuthCookie));
        Assert.Contains("disabled", HtmlForms.Alert(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = app.CreateBrowser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = WorkspaceApp.AgentEmail,
            ["Input.Password"] = WorkspaceApp.DemoPassword,
        });

        using var response = await browser.Client.PostAsync(new Uri("/login", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(HttpAssert.SetCookie(response, StaffBrowser.AuthCookie));
    }

    [Fact]
    public async Task SignIn_AfterBeingSentToLogin_ReturnsToTheRequestedPage()
    {
        using var browser = app.CreateBrowser();
        using var protectedPage = await browser.GetAsync("/admin/users");
        var loginUrl = HttpAssert.RedirectsTo(protectedPage);

        using var response = await browser.SubmitLoginAsync(WorkspaceApp.AdminEmail, WorkspaceApp.DemoPassword, loginUrl);

        Assert.Equal("/admin/users", HttpAssert.RedirectsTo(response));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead(string returnUrl)
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitLoginAsync(
            WorkspaceApp.AgentEmail, WorkspaceApp.DemoPassword, $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", HttpAssert.RedirectsTo(response));
    }
}
