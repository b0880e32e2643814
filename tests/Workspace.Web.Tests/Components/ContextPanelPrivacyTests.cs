using Bunit;
using Workspace.Data.Audit;
using Workspace.Web.Features.Context;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>The panel masks what the viewer's role may not see; a reveal is explicit and audited.</summary>
public sealed class ContextPanelPrivacyTests(WorkspaceApp app) : ComponentTestContext(app)
{
    [Fact]
    public async Task Agent_ArrMaskedUntilRevealed_ThenShownAndAudited()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        var panel = RenderWithPopovers<ContextPanel>(p => p.Add(c => c.CustomerExternalId, "cus_0001"));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("button[aria-label='Reveal ARR']")));
        Assert.Equal("•••", panel.Find("[aria-label='ARR hidden']").TextContent);
        Assert.DoesNotContain("$250,000", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Details hidden by the data policy.", panel.Find("[data-signal=valueScore]").TextContent, StringComparison.Ordinal);

        await panel.InvokeAsync(() => panel.Find("button[aria-label='Reveal ARR']").Click());

        panel.WaitForAssertion(() => Assert.Contains("$250,000", panel.Markup, StringComparison.Ordinal));
        // The value score's reason also names the lifetime value, which is still masked: no details yet.
        Assert.Contains("Details hidden by the data policy.", panel.Find("[data-signal=valueScore]").TextContent, StringComparison.Ordinal);
        var (entries, _) = await App.Service<AuditLog>().PageAsync("sensitive.revealed", 0, 200, Xunit.TestContext.Current.CancellationToken);
        Assert.Contains(entries, e => e.Target == "customer:cus_0001" && e.Actor == WorkspaceApp.AgentEmail);
    }

    [Fact]
    public async Task Lead_ArrVisibleWithoutReveal()
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);

        var panel = RenderWithPopovers<ContextPanel>(p => p.Add(c => c.CustomerExternalId, "cus_0001"));

        panel.WaitForAssertion(() => Assert.Contains("$250,000", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("button[aria-label='Reveal ARR']"));
    }
}
