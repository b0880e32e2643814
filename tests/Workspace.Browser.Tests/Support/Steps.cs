using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Support;

/// <summary>User journeys several tests share, each step asserting what the user sees.</summary>
public static class Steps
{
    /// <summary>Fills and submits the sign-in form at /login.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
        await Expect(button).ToBeVisibleAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await button.ClickAsync();
    }

    /// <summary>
    /// Signs in and waits on the Customers page until its table has loaded rows, which only happens once the
    /// interactive circuit runs, so later clicks reach the server.
    /// </summary>
    public static async Task SignInAsync(IPage page, DemoAccount account)
    {
        await SubmitSignInAsync(page, account.Email, DemoAccount.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/customers$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1 })).ToBeVisibleAsync();
        await Expect(CustomerLinks(page).First).ToBeVisibleAsync();
    }

    /// <summary>The links to customer pages in the Customers table.</summary>
    public static ILocator CustomerLinks(IPage page) =>
        page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link);

    public static ILocator MainNavigation(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
}
