using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.LoadGen;

/// <summary>Signs in through the staff login form, as a browser would, and keeps the auth cookie for the agent hub.</summary>
internal static partial class StaffSignIn
{
    public const string AuthCookie = "workspace.auth";

    public static async Task<CookieContainer> SignInAsync(Uri baseUrl, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var form = await http.GetStringAsync(new Uri("login", UriKind.Relative), ct);
        var token = AntiforgeryField().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("The login page has no __RequestVerificationToken field.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await http.PostAsync(new Uri("login", UriKind.Relative), body, ct);
        var signedIn = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            && cookies.GetCookies(baseUrl).Any(c => c.Name.StartsWith(AuthCookie, StringComparison.Ordinal));
        return signedIn
            ? cookies
            : throw new InvalidOperationException($"Signing in as {email} failed (HTTP {(int)response.StatusCode}): check --agent-email and --agent-password.");
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken" """, RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryField();
}
