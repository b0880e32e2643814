using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Admin;

public sealed class ApiKeysPageTests(BrowserApp app)
{
    private const string ContextPath = "/api/v1/customers/cus_0001/context";

    [Fact]
    public async Task CreateKey_Admin_ShowsKeyOnceThatWorksUntilRevoked()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Steps.SignInAsync(page, DemoAccount.Admin);
        var keyName = $"Browser test {Guid.NewGuid():N}"[..24];

        // Navigating by link keeps the interactive circuit the Customers page already runs.
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(keyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key", Exact = true }).ClickAsync();

        var shownKey = page.GetByLabel("New API key", new() { Exact = true });
        await Expect(shownKey).ToHaveValueAsync(new Regex("^wk_"));
        var key = await shownKey.InputValueAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName });
        await Expect(row).ToContainTextAsync("Active");
        Assert.DoesNotContain(key, await row.InnerTextAsync(), StringComparison.Ordinal);

        await using var api = await app.Playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = key },
        });
        var before = await api.GetAsync(ContextPath);
        Assert.Equal(200, before.Status);
        Assert.Contains("cus_0001", await before.TextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(keyName);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true })).ToHaveCountAsync(0);

        var after = await api.GetAsync(ContextPath);
        Assert.Equal(401, after.Status);
    }
}
