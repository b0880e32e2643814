using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Workspace.Data.Audit;
using Workspace.Data.Routing;
using Workspace.Web.Features.Routing;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The routing rules editor on the demo ruleset (version 1, five rules). The shared app must keep
/// routing by that version, so nothing here publishes, rolls back or keeps a saved draft.
/// </summary>
public sealed partial class RulesPageTests : ComponentTestContext
{
    private static readonly string[] DemoRules = ["Enterprise accounts", "At-risk high value", "Complex technical", "Onboarding", "Default"];

    public RulesPageTests(WorkspaceApp app)
        : base(app)
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<IRenderedComponent<RulesPage>> RenderAsLeadAsync()
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var page = RenderWithPopovers<RulesPage>();
        page.WaitForAssertion(() => Assert.Equal(DemoRules.Length, RuleGroups(page).Count));
        return page;
    }

    /// <summary>The rules in the editor's order, as their groups are labelled ("Rule 1: Enterprise accounts").</summary>
    private static List<string> RuleGroups(IRenderedComponent<RulesPage> page) =>
        [.. page.FindAll("[role=group]").Select(g => g.GetAttribute("aria-label") ?? "").Where(label => RuleGroupLabel().IsMatch(label))];

    private static List<string> Numbered(params string[] names) => [.. names.Select((name, i) => $"Rule {i + 1}: {name}")];

    private static IElement Button(IRenderedComponent<RulesPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static Task ClickAsync(IRenderedComponent<RulesPage> page, IElement element) =>
        page.InvokeAsync(() => element.ClickAsync(new MouseEventArgs()));

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    private static async Task OpenTabAsync(IRenderedComponent<RulesPage> page, string tab)
    {
        await ClickAsync(page, page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == tab));
        page.WaitForAssertion(() => Assert.Equal("true", page.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == tab).GetAttribute("aria-selected")));
    }

    private async Task<IReadOnlyList<AuditEntry>> RefusalsAsync(string action)
    {
        var (entries, _) = await App.Service<AuditLog>().PageAsync("access.refused", 0, 500, Ct);
        return [.. entries.Where(e => e.Target == action)];
    }

    [Fact]
    public async Task Render_Lead_ShowsTheFiveDemoRulesAndTheLiveVersion()
    {
        var page = await RenderAsLeadAsync();

        Assert.Equal(Numbered(DemoRules), RuleGroups(page));
        Assert.Equal("Routing rules", page.Find("h1").TextContent.Trim());
        // Another test class could in principle publish meanwhile; the demo publishes version 1.
        Assert.StartsWith("Live: version ", Text(page.Find("[data-testid=routing-status]")), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=draft-errors]"));
        Assert.True(Button(page, "Save draft").HasAttribute("disabled"), "Nothing changed yet, so there is nothing to save.");
        Assert.False(Button(page, "Publish").HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Move Enterprise accounts up']").HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Move Default down']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ConditionValue_NotANumber_NamesTheRuleAndBlocksSaveAndPublishUntilFixed()
    {
        var page = await RenderAsLeadAsync();
        var value = page.Find("[aria-label='Rule 3 condition 1'] input[type=text]");
        Assert.Equal("70", value.GetAttribute("value"));

        await page.InvokeAsync(() => page.Find("[aria-label='Rule 3 condition 1'] input[type=text]").Input("seventy"));

        page.WaitForAssertion(() => Assert.Contains("Rule 3 “Complex technical”: 'seventy' is not a number.", Text(page.Find("[data-testid=draft-errors]")), StringComparison.Ordinal));
        Assert.Equal("alert", page.Find("[data-testid=draft-errors]").GetAttribute("role"));
        Assert.True(Button(page, "Publish").HasAttribute("disabled"));
        Assert.True(Button(page, "Save draft").HasAttribute("disabled"));
        Assert.Contains("Unsaved changes.", Text(page.Find("[data-testid=routing-status]")), StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[aria-label='Rule 3 condition 1'] input[type=text]").Input("75"));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=draft-errors]")));
        Assert.False(Button(page, "Publish").HasAttribute("disabled"));
        Assert.False(Button(page, "Save draft").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AddRule_InsertsANewRuleJustAboveTheDefault()
    {
        var page = await RenderAsLeadAsync();

        await ClickAsync(page, Button(page, "Add rule"));

        page.WaitForAssertion(() => Assert.Equal(
            Numbered("Enterprise accounts", "At-risk high value", "Complex technical", "Onboarding", "New rule", "Default"), RuleGroups(page)));
        // The new rule starts with an empty condition and no action: the draft says what is missing.
        Assert.Contains("Rule 5 “New rule”:", Text(page.Find("[data-testid=draft-errors]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_UpAndDown_ReordersTheRules()
    {
        var page = await RenderAsLeadAsync();

        await ClickAsync(page, page.Find("button[aria-label='Move Onboarding up']"));

        page.WaitForAssertion(() => Assert.Equal(
            Numbered("Enterprise accounts", "At-risk high value", "Onboarding", "Complex technical", "Default"), RuleGroups(page)));

        await ClickAsync(page, page.Find("button[aria-label='Move Enterprise accounts down']"));

        page.WaitForAssertion(() => Assert.Equal(
            Numbered("At-risk high value", "Enterprise accounts", "Onboarding", "Complex technical", "Default"), RuleGroups(page)));
        Assert.Empty(page.FindAll("[data-testid=draft-errors]"));
        Assert.True(page.Find("button[aria-label='Move At-risk high value up']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task DefaultRuleTeam_Cleared_IsAnErrorThatBlocksPublishing()
    {
        var page = await RenderAsLeadAsync();

        await ClickAsync(page, page.Find("[aria-label='Actions of Default'] button[aria-label=Clear]"));

        page.WaitForAssertion(() => Assert.Contains("Rule 5 “Default”: The default rule must route to a team.", Text(page.Find("[data-testid=draft-errors]")), StringComparison.Ordinal));
        Assert.True(Button(page, "Publish").HasAttribute("disabled"));
        Assert.True(Button(page, "Save draft").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Simulate_UnchangedDraft_ReplaysTheLast30DaysWithNothingMoved()
    {
        var page = await RenderAsLeadAsync();
        await OpenTabAsync(page, "Simulate");

        await ClickAsync(page, Button(page, "Run simulation"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=simulation-summary]")), TimeSpan.FromSeconds(10));
        var summary = SimulationSummary().Match(Text(page.Find("[data-testid=simulation-summary]")));
        Assert.True(summary.Success, Text(page.Find("[data-testid=simulation-summary]")));
        Assert.True(int.Parse(summary.Groups["replayed"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, "The demo world has conversations in the last 30 days.");
        Assert.Equal("0", summary.Groups["moved"].Value);
        Assert.Equal("0", summary.Groups["priority"].Value);
        var perTeam = page.FindAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Conversations per team");
        var rows = perTeam.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(d => d.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "General Support");
        Assert.Contains(rows, r => r[0] == "Enterprise Success");
        Assert.All(rows, r =>
        {
            Assert.Equal(r[1], r[2]);
            Assert.Equal("0", r[3]);
        });
    }

    [Fact]
    public async Task Simulate_RoleLostWhileOpen_RefusedAndAudited()
    {
        var page = await RenderAsLeadAsync();
        await OpenTabAsync(page, "Simulate");
        var before = (await RefusalsAsync("routing.simulate")).Count(e => e.Actor == WorkspaceApp.AgentEmail);

        // The circuit's user is now an agent: the page stays open, but its handlers must ask again.
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        await ClickAsync(page, Button(page, "Run simulation"));

        Assert.Empty(page.FindAll("[data-testid=simulation-summary]"));
        Assert.Equal(before + 1, (await RefusalsAsync("routing.simulate")).Count(e => e.Actor == WorkspaceApp.AgentEmail));
    }

    [Fact]
    public async Task SaveDraft_RoleLostWhileOpen_NothingSavedAndRefusalAudited()
    {
        var page = await RenderAsLeadAsync();
        await page.InvokeAsync(() => page.Find("[aria-label='Rule 3 condition 1'] input[type=text]").Input("75"));
        page.WaitForAssertion(() => Assert.False(Button(page, "Save draft").HasAttribute("disabled")));
        var before = (await RefusalsAsync("routing.draft-save")).Count(e => e.Actor == WorkspaceApp.AgentEmail);
        var routing = App.Service<RoutingRepository>();

        await SignInAsAsync(WorkspaceApp.AgentEmail);
        try
        {
            await ClickAsync(page, Button(page, "Save draft"));

            Assert.NotEqual(WorkspaceApp.AgentEmail, (await routing.DraftAsync(Ct))?.UpdatedBy);
            Assert.Equal(before + 1, (await RefusalsAsync("routing.draft-save")).Count(e => e.Actor == WorkspaceApp.AgentEmail));
            Assert.Contains("Unsaved changes.", Text(page.Find("[data-testid=routing-status]")), StringComparison.Ordinal);
        }
        finally
        {
            // Should the refusal ever fail, the draft must not stay for the other tests sharing the app.
            if ((await routing.DraftAsync(CancellationToken.None))?.UpdatedBy == WorkspaceApp.AgentEmail)
            {
                await routing.DiscardDraftAsync(WorkspaceApp.LeadEmail, DateTimeOffset.UtcNow, CancellationToken.None);
            }
        }
    }

    [GeneratedRegex(@"^Rule \d+: ")]
    private static partial Regex RuleGroupLabel();

    [GeneratedRegex(@"^(?<replayed>\d+) conversations replayed: (?<moved>\d+) would go to another team, (?<priority>\d+) would only change priority\.$")]
    private static partial Regex SimulationSummary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
