using System.Net;

namespace Workspace.Web.Tests.Support;

/// <summary>
/// A cookie-keeping HTTP client that does not follow redirects, used like a browser without
/// JavaScript: it reads forms (antiforgery token included) from rendered pages and posts them.
/// </summary>
public sealed class StaffBrowser(HttpClient client) : IDisposable
{
    public const string AuthCookie = "workspace.auth";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    /// <summary>Fetches a page that must render (200) and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync(Ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} (Location: {response.Headers.Location}).");
        }
        return html;
    }

    /// <summary>Opens the sign-in page at <paramref name="loginPath"/>, fills in the form and posts it as the page would.</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(string email, string password, string loginPath = "/login")
    {
        var page = await GetPageAsync(loginPath);
        var (action, fields) = HtmlForms.Find(page, (_, f) => f.GetValueOrDefault("_handler") == "login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var form = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(action.Length == 0 ? loginPath : action, UriKind.Relative), form, Ct);
    }

    /// <summary>Signs in, failing with the page's message when the app refuses.</summary>
    public async Task SignInAsync(string email, string password)
    {
        using var response = await SubmitLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Found)
        {
            var html = await response.Content.ReadAsStringAsync(Ct);
            throw new InvalidOperationException($"Sign-in as {email} was refused: {HtmlForms.Alert(html) ?? $"status {(int)response.StatusCode}"}");
        }
    }

    /// <summary>Posts the sign-out form from the app bar of <paramref name="fromPage"/>, token and all.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string fromPage = "/customers")
    {
        var page = await GetPageAsync(fromPage);
        var (action, fields) = HtmlForms.Find(page, (a, _) => a == "/logout");
        using var form = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(action, UriKind.Relative), form, Ct);
    }

    public void Dispose() => Client.Dispose();
}
