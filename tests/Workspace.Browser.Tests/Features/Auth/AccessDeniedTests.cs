using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Auth;

public sealed class AccessDeniedTests(BrowserApp app)
{
    [Fact]
    public async Task AdminUsersUrl_Agent_ShowsAccessDeniedInsteadOfTheUsers()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInAsync(page, DemoAccount.Agent);

        await page.GotoAsync("/admin/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("admin@demo.local")).ToHaveCountAsync(0);
    }
}
