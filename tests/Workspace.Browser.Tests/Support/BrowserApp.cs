using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Support;

/// <summary>The assembly-wide fixture: the running app plus one headless Chromium.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly WorkspaceServer _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _server.BaseAddress;

    public IPlaywright Playwright => _playwright ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        // Checked first so a missing browser fails fast with the fix, before the app is started.
        var executable = Chromium.ExecutablePath();
        _server.Start();
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    /// <summary>A fresh browser context (no cookies) whose relative URLs resolve against the app.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("The fixture is not initialized.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}
