using System.Net;

namespace Workspace.Web.Tests.Support;

/// <summary>Assertions on what a browser notices about a response: redirects, cookies.</summary>
public static class HttpAssert
{
    /// <summary>Asserts a 302 and returns the path (and query) it sends the browser to.</summary>
    public static string RedirectsTo(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = Assert.IsType<Uri>(response.Headers.Location);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static void RedirectsToLogin(HttpResponseMessage response)
    {
        var target = RedirectsTo(response);
        Assert.True(target == "/login" || target.StartsWith("/login?", StringComparison.Ordinal), $"Expected a redirect to /login, got {target}.");
    }

    /// <summary>The value of the cookie set by this response, or null when it sets none.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
}
