using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Metrics;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Metrics;

/// <summary>The dashboard's service checks the caller's role itself: a page left open after a role change shows nothing.</summary>
public sealed class MetricsServiceAuthorizationTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(bool Shown, string? Problem)> LoadAsync(string email)
    {
        var user = StaffAuth.ToPrincipal(await app.StaffUserAsync(email));
        var (dashboard, problem) = await app.Service<MetricsService>().LoadAsync(user, MetricsView.Default, Ct);
        return (dashboard is not null, problem);
    }

    [Theory]
    [InlineData(WorkspaceApp.AgentEmail)]
    [InlineData(WorkspaceApp.QaEmail)]
    public async Task Load_NotALead_RefusedWithNothingShown(string email) =>
        Assert.Equal((false, MetricsService.NotAllowed), await LoadAsync(email));

    [Fact]
    public async Task Load_Lead_Shown() => Assert.Equal((true, null), await LoadAsync(WorkspaceApp.LeadEmail));
}
