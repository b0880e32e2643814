using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Auth;

public sealed class LoginTests(BrowserApp app)
{
    private static readonly string[] AdminLinks = ["Users", "API keys", "Audit log"];

    [Theory]
    [InlineData("agent@demo.local")]
    [InlineData("lead@demo.local")]
    [InlineData("qa@demo.local")]
    [InlineData("admin@demo.local")]
    public async Task SignIn_DemoAccount_LandsOnCustomersShowingItsNameRoleAndNavigation(string email)
    {
        var account = DemoAccount.ByEmail(email);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await Steps.SignInAsync(page, account);

        var appBar = page.GetByRole(AriaRole.Banner);
        await Expect(appBar).ToContainTextAsync(account.Name);
        await Expect(appBar).ToContainTextAsync(account.Role);
        var navigation = Steps.MainNavigation(page);
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true })).ToBeVisibleAsync();
        foreach (var name in AdminLinks)
        {
            var link = navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            if (account.IsAdmin)
            {
                await Expect(link).ToBeVisibleAsync();
            }
            else
            {
                await Expect(link).ToHaveCountAsync(0);
            }
        }
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndStaysOnLogin()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await Steps.SubmitSignInAsync(page, DemoAccount.Qa.Email, "Wrong!2345");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await Expect(page).ToHaveURLAsync(new Regex(@"/login(\?.*)?$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "workspace.auth");
    }

    [Fact]
    public async Task SignOut_SignedInUser_ReturnsToLoginAndEndsTheSession()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInAsync(page, DemoAccount.Lead);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/customers");
        await Expect(page).ToHaveURLAsync(new Regex(@"/login\?"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers" })).ToHaveCountAsync(0);
    }
}
