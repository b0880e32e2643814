namespace Workspace.Web.Tests.Support;

public sealed class StaffBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public Task SignInAsync(string email, string password) => Client.GetAsync(new Uri(email + password, UriKind.Relative));

    public void Dispose() => Client.Dispose();
}
