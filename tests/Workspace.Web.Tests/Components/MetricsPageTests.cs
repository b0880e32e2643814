using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Workspace.Domain.Quality;
using Workspace.Web.Features.Metrics;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>The metrics dashboard over the seeded demo world (six months of resolved conversations up to the seeding day).</summary>
public sealed class MetricsPageTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private static readonly string[] DemoTeams = ["Enterprise Success", "General Support", "Onboarding Specialists", "Technical Escalations"];

    private async Task<IRenderedComponent<MetricsPage>> RenderAsync(string address)
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = RenderWithPopovers<MetricsPage>();
        page.WaitForState(() => page.FindAll(".mud-progress-linear").Count == 0, TimeSpan.FromSeconds(10));
        return page;
    }

    /// <summary>The table whose caption names it as the metrics by <paramref name="grouping"/>.</summary>
    private static AngleSharp.Dom.IElement Table(IRenderedComponent<MetricsPage> page, string grouping) =>
        page.FindAll("table").Single(t => t.QuerySelector("caption")?.TextContent.Trim().StartsWith($"Metrics by {grouping}:", StringComparison.Ordinal) == true);

    [Fact]
    public async Task Render_Lead_ChartEveryMetricBesideItsDefinitionAndATableByTeam()
    {
        var page = await RenderAsync("/metrics?period=90&group=team&bucket=week");

        Assert.Equal("Metrics", page.Find("h1").TextContent.Trim());
        var regions = page.FindAll("[role=region]");
        Assert.Equal(10, regions.Count);
        Assert.Equal("First response time", regions[0].GetAttribute("aria-label"));
        Assert.Contains(MetricDefinitions.FirstResponseTime, regions[0].QuerySelector("[data-testid=metric-definition]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(MetricDefinitions.TemplateEditRate, regions[8].TextContent, StringComparison.Ordinal);
        // The demo world has months of answered conversations, so every chart but QA draws lines; QA has one only
        // once something was reviewed (other tests review in the shared app), else it says there is nothing to measure.
        Assert.All(regions.Take(9), r => Assert.NotNull(r.QuerySelector(".mud-chart")));
        Assert.True(regions[9].QuerySelector(".mud-chart") is not null
            || regions[9].QuerySelector("[data-testid=metric-empty]")?.TextContent.Trim() == "Nothing to measure in this period.");
        Assert.StartsWith("median ", regions[0].QuerySelector("[data-testid=metric-headline]")!.TextContent.Trim(), StringComparison.Ordinal);

        var table = Table(page, "team");
        var groups = table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(DemoTeams, groups);
        Assert.Equal(11, table.QuerySelectorAll("thead th").Length);
    }

    [Fact]
    public async Task Render_CustomPeriodBeforeAnyConversation_SaysSoInASentence()
    {
        var page = await RenderAsync("/metrics?period=custom&from=2001-01-01&to=2001-01-31&group=agent");

        Assert.Equal("No conversations were opened between 2001-01-01 and 2001-01-31. Choose a longer or earlier period.",
            page.Find("[data-testid=metrics-empty]").TextContent.Trim());
        Assert.Empty(page.FindAll("[role=region]"));
    }

    [Fact]
    public async Task Render_CustomPeriodBackwards_AsksForTheDaysTheOtherWayRound()
    {
        var page = await RenderAsync("/metrics?period=custom&from=2026-03-31&to=2026-03-01");

        Assert.Equal("The last day comes before the first day; choose them the other way round.",
            page.Find("[data-testid=metrics-problem]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_ByTier_TiersInTheirOwnOrder()
    {
        var page = await RenderAsync("/metrics?period=90&group=tier");

        var table = Table(page, "tier");
        Assert.Equal(["Free", "Starter", "Pro", "Enterprise"], table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent.Trim()));
    }
}
