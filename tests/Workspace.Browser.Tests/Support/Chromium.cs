namespace Workspace.Browser.Tests.Support;

/// <summary>Finds the system Chromium the tests drive; Playwright's own browser downloads are never used.</summary>
public static class Chromium
{
    public const string EnvironmentVariable = "WORKSPACE_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    /// <summary>The executable to launch; throws with the fix when it is missing, so the tests fail rather than skip.</summary>
    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{path}'. The browser tests drive Debian's Chromium: install it with " +
                $"`apt-get install -y chromium`, or set {EnvironmentVariable} to the path of a Chromium executable.");
        }
        return path;
    }
}
