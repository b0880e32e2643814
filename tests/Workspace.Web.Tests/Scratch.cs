using Workspace.Web.Tests.Support;
namespace Workspace.Web.Tests;
public sealed class ScratchTests(WorkspaceApp app)
{
    [Fact]
    public async Task Dump()
    {
        var c = app.CreateBrowser();
        var r = await c.Client.GetAsync(new Uri("/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync("/tmp/login.html", html, TestContext.Current.CancellationToken);
        var f = HtmlForms.Fields(html, (_, f) => f.ContainsKey("_handler"));
        f["Input.Email"] = "admin@demo.local"; f["Input.Password"] = "Demo!2345";
        var p = await c.Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(f), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync("/tmp/post.txt", p.ToString() + await p.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        foreach (var path in new[] { "/customers", "/admin/users", "/admin/api-keys", "/admin/audit", "/" })
        {
            var g = await c.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync("/tmp/get" + path.Replace('/', '_') + ".txt", g.ToString() + await g.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        }
        var a = app.CreateBrowser();
        r = await a.Client.GetAsync(new Uri("/login", UriKind.Relative), TestContext.Current.CancellationToken);
        html = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        f = HtmlForms.Fields(html, (_, f) => f.ContainsKey("_handler"));
        f["Input.Email"] = "agent@demo.local"; f["Input.Password"] = "Demo!2345";
        p = await a.Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(f), TestContext.Current.CancellationToken);
        foreach (var path in new[] { "/customers", "/admin/users" })
        {
            var g = await a.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync("/tmp/agent" + path.Replace('/', '_') + ".txt", g.ToString() + await g.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        }
        var anon = app.CreateBrowser();
        var ar = await anon.Client.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync("/tmp/anon.txt", ar.ToString() + await ar.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
    }
}
