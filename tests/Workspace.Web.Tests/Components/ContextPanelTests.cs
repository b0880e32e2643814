using System.Net;
using AngleSharp.Dom;
using Bunit;
using Workspace.Web.Features.Context;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.ApiCalls;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The context panel beside a conversation: the top signals first, and live updates when the
/// integration posts new data through the API while the panel is open.
/// </summary>
public sealed class ContextPanelTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private static readonly TimeSpan LiveUpdate = TimeSpan.FromSeconds(5);

    private readonly HttpClient _api = app.CreateApiClient();

    private IRenderedComponent<ContextPanel> RenderPanel(string externalId)
    {
        var panel = RenderWithPopovers<ContextPanel>(p => p.Add(c => c.CustomerExternalId, externalId));
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("section[aria-label='Top signals']")));
        return panel;
    }

    private static List<string> TopSignalKeys(IRenderedComponent<ContextPanel> panel) =>
        panel.FindAll("section[aria-label='Top signals'] [data-signal]").Select(e => e.GetAttribute("data-signal") ?? "").ToList();

    private static IElement TopSignal(IRenderedComponent<ContextPanel> panel, string key) =>
        panel.Find($"section[aria-label='Top signals'] [data-signal='{key}']");

    private async Task<string> CreateCustomerAsync(string name)
    {
        var id = NewCustomerId();
        using var response = await _api.SendJsonAsync(HttpMethod.Put, CustomerPath(id),
            new { name, tier = "Starter", experienceLevel = "Expert", signedUpAt = DateTimeOffset.UtcNow.AddDays(-4) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private async Task PostEventAsync(string id, string kind, string name)
    {
        using var response = await _api.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            new { eventId = Guid.NewGuid().ToString("N"), kind, name, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string ExpansionHeader(IRenderedComponent<ContextPanel> panel, string startsWith) =>
        panel.FindAll(".mud-expand-panel-text").Select(e => e.TextContent.Trim()).Single(t => t.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void Render_DemoCustomerStuckOnboarding_TopSignalsLeadWithTheFailedStep()
    {
        var panel = RenderPanel("cus_0002");

        Assert.Contains("cus_0002", panel.Find("[aria-label='Customer context']").TextContent, StringComparison.Ordinal);
        var top = TopSignalKeys(panel);
        Assert.Equal(["tier", "valueScore", "lifecycleStage"], top.Take(3));
        Assert.Contains("onboarding", top);
        Assert.DoesNotContain("arr", top);
        Assert.DoesNotContain("experienceLevel", top);
        var stage = TopSignal(panel, "lifecycleStage");
        Assert.Equal("Onboarding", stage.QuerySelector(".ws-signal-value")!.TextContent.Trim());
        Assert.Contains("core steps done", stage.QuerySelector(".ws-signal-reason")!.TextContent, StringComparison.Ordinal);
        var onboarding = TopSignal(panel, "onboarding");
        Assert.Contains("failed: connect-data-source", onboarding.TextContent, StringComparison.Ordinal);
        Assert.Contains("ws-alert", onboarding.ClassList);
    }

    [Fact]
    public void Render_DemoCustomerDeclaredAtRisk_AtRiskOnTopWithItsSource()
    {
        var panel = RenderPanel("cus_0006");

        var atRisk = TopSignal(panel, "atRisk");
        Assert.Equal("Yes", atRisk.QuerySelector(".ws-signal-value")!.TextContent.Trim());
        Assert.Contains("declared by the integration", atRisk.TextContent, StringComparison.Ordinal);
        Assert.Contains("failed: invite-team", TopSignal(panel, "onboarding").TextContent, StringComparison.Ordinal);
        // Sources are shown in the full list, not among the top signals.
        Assert.Null(atRisk.QuerySelector(".ws-signal-source"));
        var all = panel.FindAll("[data-signal='atRisk']");
        Assert.Contains(all, e => e.QuerySelector(".ws-signal-source")?.TextContent.Trim() == "Declared");
    }

    [Fact]
    public void Render_UnknownCustomer_SaysThereIsNoRecord()
    {
        var panel = RenderWithPopovers<ContextPanel>(p => p.Add(c => c.CustomerExternalId, NewCustomerId()));

        panel.WaitForAssertion(() => Assert.Contains("No customer record for this conversation.", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("section[aria-label='Top signals']"));
    }

    [Fact]
    public async Task EventPostedThroughApi_WhilePanelOpen_TopSignalsUpdateWithoutReload()
    {
        var id = await CreateCustomerAsync("Live Panel Customer");
        var panel = RenderPanel(id);
        Assert.DoesNotContain("onboarding", TopSignalKeys(panel));
        Assert.Equal("Product usage (0 events)", ExpansionHeader(panel, "Product usage"));

        await PostEventAsync(id, "OnboardingStepFailed", "create-workspace");

        panel.WaitForAssertion(() =>
        {
            Assert.Contains("failed: create-workspace", TopSignal(panel, "onboarding").TextContent, StringComparison.Ordinal);
            Assert.Equal("Product usage (1 events)", ExpansionHeader(panel, "Product usage"));
        }, LiveUpdate);
    }

    [Fact]
    public async Task TransactionPostedThroughApi_WhilePanelOpen_TotalsUpdate()
    {
        var id = await CreateCustomerAsync("Paying Panel Customer");
        var panel = RenderPanel(id);
        Assert.Equal("Transactions (0)", ExpansionHeader(panel, "Transactions"));

        using var response = await _api.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/transactions"),
            new { transactionId = "inv-live", kind = "Invoice", amount = 49m, currency = "USD", status = "Failed", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        panel.WaitForAssertion(() =>
        {
            Assert.Equal("Transactions (1)", ExpansionHeader(panel, "Transactions"));
            Assert.Contains("1 failed payment(s)", panel.Markup, StringComparison.Ordinal);
        }, LiveUpdate);
    }

    [Fact]
    public async Task PreferencesPutThroughApi_WhilePanelOpen_DeclaredToneShown()
    {
        var id = await CreateCustomerAsync("Preferring Panel Customer");
        var panel = RenderPanel(id);
        var tone = panel.Find("[data-signal='preferredTone']");
        Assert.Equal("Concise", tone.QuerySelector(".ws-signal-value")!.TextContent.Trim());

        using var response = await _api.SendJsonAsync(HttpMethod.Put, CustomerPath(id, "/preferences"), new { tone = "Guided" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        panel.WaitForAssertion(() =>
        {
            var updated = panel.Find("[data-signal='preferredTone']");
            Assert.Equal("Guided", updated.QuerySelector(".ws-signal-value")!.TextContent.Trim());
            Assert.Equal("Declared", updated.QuerySelector(".ws-signal-source")!.TextContent.Trim());
            var toneRow = panel.FindAll("[aria-label='Communication preferences'] tr").Single(r => r.TextContent.Contains("Tone", StringComparison.Ordinal));
            Assert.Contains("Guided", toneRow.TextContent, StringComparison.Ordinal);
        }, LiveUpdate);
    }

    [Fact]
    public async Task CustomerParameterChanged_PanelFollowsTheNewCustomerLive()
    {
        var first = await CreateCustomerAsync("First Panel Customer");
        var second = await CreateCustomerAsync("Second Panel Customer");
        var panel = RenderPanel(first);

        panel.Render(p => p.Add(c => c.CustomerExternalId, second));
        panel.WaitForAssertion(() => Assert.Equal("Second Panel Customer", panel.Find("h2").TextContent.Trim()));
        await PostEventAsync(second, "OnboardingStepFailed", "invite-team");

        panel.WaitForAssertion(() => Assert.Contains("failed: invite-team", TopSignal(panel, "onboarding").TextContent, StringComparison.Ordinal), LiveUpdate);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        _api.Dispose();
        await base.DisposeAsyncCore();
    }
}
