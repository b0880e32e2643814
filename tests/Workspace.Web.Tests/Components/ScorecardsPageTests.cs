using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Workspace.Data.Quality;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Qa.Reviews;
using Workspace.Web.Tests.Features.Qa.Reviews;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>The scorecards page on scorecards of the test's own (keys unique per test); the demo scorecard is never changed.</summary>
public sealed class ScorecardsPageTests : ComponentTestContext
{
    public ScorecardsPageTests(WorkspaceApp app)
        : base(app)
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<IRenderedComponent<ScorecardsPage>> RenderAsync(params Role[] roles)
    {
        var (user, _) = await App.StaffAsync(roles);
        await SignInAsAsync(user.Email);
        var page = RenderWithPopovers<ScorecardsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=scorecard-list]")));
        return page;
    }

    private static Task ClickAsync(IRenderedComponent<ScorecardsPage> page, string text) =>
        page.InvokeAsync(() => page.FindAll("button").First(b => b.TextContent.Trim() == text).ClickAsync(new MouseEventArgs()));

    private static Task SetTextAsync(IRenderedComponent<ScorecardsPage> page, string label, string value, int nth = 0) =>
        page.InvokeAsync(() => page.FindComponents<MudTextField<string>>().Where(f => f.Instance.Label == label).ElementAt(nth).Instance.ValueChanged.InvokeAsync(value));

    private static Task SetNumberAsync(IRenderedComponent<ScorecardsPage> page, string label, int value, int nth = 0) =>
        page.InvokeAsync(() => page.FindComponents<MudNumericField<int>>().Where(f => f.Instance.Label == label).ElementAt(nth).Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public async Task Publish_Lead_InvalidCriterionShownBesideItThenPublishedAsVersionOne()
    {
        var page = await RenderAsync(Role.Lead);
        Assert.NotEmpty(page.FindAll($"[data-testid=scorecard-{ReviewTestWorld.DemoScorecard}]"));
        var key = $"test-{Guid.NewGuid():N}";
        await ClickAsync(page, "New scorecard");
        await SetTextAsync(page, "Key", key);
        await SetTextAsync(page, "Name", "Test page card");
        await SetTextAsync(page, "Label", "Tone");
        await ClickAsync(page, "Add criterion");
        await SetTextAsync(page, "Label", "Resolution", nth: 1);
        await SetNumberAsync(page, "Highest score", 12, nth: 1);

        await ClickAsync(page, "Publish as new version");

        page.WaitForAssertion(() => Assert.Equal("The highest score must be from 1 to 10 (got 12).", page.Find("[data-testid=criterion-errors-1]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=criterion-errors-0]"));
        Assert.Empty(await App.Service<ScorecardRepository>().VersionsAsync(key, Ct));

        await SetNumberAsync(page, "Highest score", 4, nth: 1);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=criterion-errors-1]")));
        await ClickAsync(page, "Publish as new version");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=scorecard-{key}]")));
        Assert.NotEmpty(page.FindAll("[data-testid=history-v1]"));
        var stored = Assert.Single(await App.Service<ScorecardRepository>().VersionsAsync(key, Ct));
        Assert.Equal(["tone", "resolution"], stored.Scorecard.Criteria.Select(c => c.Id));
    }

    [Fact]
    public async Task Publish_Qa_RefusedAndNothingStored()
    {
        var page = await RenderAsync(Role.QA);
        var key = $"test-{Guid.NewGuid():N}";
        await ClickAsync(page, "New scorecard");
        await SetTextAsync(page, "Key", key);
        await SetTextAsync(page, "Name", "Test QA card");
        await SetTextAsync(page, "Label", "Tone");

        await ClickAsync(page, "Publish as new version");

        page.WaitForAssertion(() => Assert.Equal("Only leads and admins define scorecards.", page.Find("[data-testid=scorecards-refused]").TextContent.Trim()));
        Assert.Empty(await App.Service<ScorecardRepository>().VersionsAsync(key, Ct));
    }
}
