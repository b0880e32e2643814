using System.Net;
using System.Text.Json;
using Workspace.Data.ApiKeys;
using Workspace.Data.Audit;
using Workspace.Data.Privacy;
using Workspace.Data.Staff;
using Workspace.Domain.Privacy;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Privacy;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Privacy;

/// <summary>The field policy masks values for roles and API scopes without permission, and every reveal is audited.</summary>
public sealed class DataProtectionTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CustomerWithSecretAsync(HttpClient api)
    {
        var id = $"dp-{Guid.NewGuid():N}"[..20];
        using var put = await api.PutAsync($"/api/v1/customers/{id}", JsonContent(new
        {
            name = "Protected Customer",
            email = "pat@protected.example",
            tier = "Pro",
            arr = 50000,
            attributes = new Dictionary<string, string> { ["dpSecret"] = "SSN-123" },
        }), Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return id;
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Context_SensitiveAttribute_MaskedForIntegrationKeyShownToFullKey()
    {
        await app.Service<FieldPolicyRepository>().SetAsync("attributes.dpSecret", FieldClass.Sensitive, "tests", DateTimeOffset.UtcNow, Ct);
        using var integration = app.CreateApiClient();
        var id = await CustomerWithSecretAsync(integration);
        var (_, fullKey) = await app.Service<ApiKeyRepository>().CreateAsync("full test key", ApiKeyScope.Full, null, "tests", DateTimeOffset.UtcNow, Ct);
        using var full = app.CreateApiClient(fullKey);

        var masked = JsonDocument.Parse(await integration.GetStringAsync($"/api/v1/customers/{id}/context", Ct)).RootElement.GetProperty("customer");
        var open = JsonDocument.Parse(await full.GetStringAsync($"/api/v1/customers/{id}/context", Ct)).RootElement.GetProperty("customer");

        Assert.Equal("•••", masked.GetProperty("attributes").GetProperty("dpSecret").GetString());
        Assert.Contains("attributes.dpSecret", masked.GetProperty("masked").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("pat@protected.example", masked.GetProperty("email").GetString());
        Assert.Equal("SSN-123", open.GetProperty("attributes").GetProperty("dpSecret").GetString());
        Assert.Empty(open.GetProperty("masked").EnumerateArray());
    }

    [Fact]
    public async Task Reveal_AgentRevealsArr_AllowedAndAudited()
    {
        var agent = StaffAuth.ToPrincipal((await app.Service<StaffRepository>().FindByEmailAsync(WorkspaceApp.AgentEmail, Ct))!);
        var privacy = app.Service<PrivacyService>();
        var viewer = await privacy.ForAsync(agent, Ct);
        Assert.Equal(FieldAccess.Revealable, viewer.AccessFor("arr"));
        var customer = $"reveal-{Guid.NewGuid():N}"[..20];

        var revealed = await privacy.RevealAsync(agent, viewer, customer, "arr", Ct);

        Assert.True(revealed);
        Assert.True(viewer.Sees("arr"));
        var (entries, _) = await app.Service<AuditLog>().PageAsync("sensitive.revealed", 0, 50, Ct);
        var entry = Assert.Single(entries, e => e.Target == $"customer:{customer}");
        Assert.Equal(WorkspaceApp.AgentEmail, entry.Actor);
        Assert.Contains("\"field\":\"arr\"", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_QaRevealsArr_RefusedStillMaskedAndAudited()
    {
        var qa = StaffAuth.ToPrincipal((await app.Service<StaffRepository>().FindByEmailAsync(WorkspaceApp.QaEmail, Ct))!);
        var privacy = app.Service<PrivacyService>();
        var viewer = await privacy.ForAsync(qa, Ct);
        var customer = $"refuse-{Guid.NewGuid():N}"[..20];

        var revealed = await privacy.RevealAsync(qa, viewer, customer, "arr", Ct);

        Assert.False(revealed);
        Assert.Equal(FieldAccess.Hidden, viewer.AccessFor("arr"));
        Assert.Equal("•••", viewer.Show("arr", "$50,000"));
        var (entries, _) = await app.Service<AuditLog>().PageAsync("access.refused", 0, 100, Ct);
        Assert.Single(entries, e => e.Target == $"customer:{customer}" && e.Actor == WorkspaceApp.QaEmail);
    }
}
