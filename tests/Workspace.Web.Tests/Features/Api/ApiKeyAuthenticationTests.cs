using System.Net;
using Workspace.Data.ApiKeys;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.ApiCalls;

namespace Workspace.Web.Tests.Features.Api;

public sealed class ApiKeyAuthenticationTests(WorkspaceApp app)
{
    private const string DemoCustomerContext = "/api/v1/customers/cus_0001/context";

    [Fact]
    public async Task Request_WithoutKey_Returns401ProblemWithDetail()
    {
        using var client = app.CreateApiClient(apiKey: null);

        using var response = await client.GetPathAsync(DemoCustomerContext);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Request_WithWrongKey_Returns401Problem()
    {
        using var client = app.CreateApiClient("wk_not_a_real_key");

        using var response = await client.GetPathAsync(DemoCustomerContext);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Request_WithRevokedKey_Returns401()
    {
        var keys = app.Service<ApiKeyRepository>();
        var ct = TestContext.Current.CancellationToken;
        var (id, secret) = await keys.CreateAsync("Revocation test", ApiKeyScope.Integration, null, "tests", DateTimeOffset.UtcNow, ct);
        using var client = app.CreateApiClient(secret);
        using (var before = await client.GetPathAsync(DemoCustomerContext))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await keys.RevokeAsync(id, "tests", DateTimeOffset.UtcNow, ct));
        using var after = await client.GetPathAsync(DemoCustomerContext);

        await after.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithDemoKey_Returns200()
    {
        using var client = app.CreateApiClient();

        var context = await client.ContextAsync("cus_0001");

        Assert.Equal("cus_0001", context.GetProperty("customer").GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Write_WithoutKey_Returns401AndStoresNothing()
    {
        using var anonymous = app.CreateApiClient(apiKey: null);
        using var client = app.CreateApiClient();
        var id = NewCustomerId();

        using var response = await anonymous.SendJsonAsync(HttpMethod.Put, CustomerPath(id), new { name = "Mallory", tier = "Free" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        using var read = await client.GetPathAsync(CustomerPath(id, "/context"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Request_WithStaffCookieButNoKey_Returns401()
    {
        var admin = await app.DemoSessionAsync(WorkspaceApp.AdminEmail);

        using var response = await admin.GetAsync(DemoCustomerContext);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
