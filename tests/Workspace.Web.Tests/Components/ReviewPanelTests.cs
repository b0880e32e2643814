using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Workspace.Data.Quality;
using Workspace.Domain.Quality;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Qa.Reviews;
using Workspace.Web.Features.Routing;
using Workspace.Web.Tests.Features.Qa.Reviews;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The review panel beside a conversation of the test's own, scored against the demo scorecard (which no test
/// changes), and the feedback panels its flags reach on the rules and templates pages.
/// </summary>
public sealed partial class ReviewPanelTests : ComponentTestContext
{
    public ReviewPanelTests(WorkspaceApp app)
        : base(app)
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private bool _popovers;

    /// <summary>Renders with the popover provider the first time only: a context holds one.</summary>
    private IRenderedComponent<TComponent> RenderOnce<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        if (!_popovers)
        {
            _popovers = true;
            return RenderWithPopovers(parameters);
        }
        return parameters is null ? Render<TComponent>() : Render(parameters);
    }

    private async Task<IRenderedComponent<ReviewPanel>> RenderAsync(long conversationId, params Role[] roles)
    {
        var (user, _) = await App.StaffAsync(roles);
        await SignInAsAsync(user.Email);
        var panel = RenderOnce<ReviewPanel>(p => p.Add(c => c.ConversationId, conversationId));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".mud-progress-linear")));
        return panel;
    }

    private static Task ClickAsync(IRenderedComponent<ReviewPanel> panel, string label) =>
        panel.InvokeAsync(() => panel.FindAll("button").Single(b => b.GetAttribute("aria-label") == label).ClickAsync(new MouseEventArgs()));

    private static Task SaveAsync(IRenderedComponent<ReviewPanel> panel) =>
        panel.InvokeAsync(() => panel.FindAll("button").Single(b => b.TextContent.Trim() == "Save review").ClickAsync(new MouseEventArgs()));

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    private static async Task ScoreAllButResolutionAsync(IRenderedComponent<ReviewPanel> panel)
    {
        await ClickAsync(panel, "Greeting and tone: 3 of 3");
        await ClickAsync(panel, "Understood the problem: 2 of 4");
        await ClickAsync(panel, "Used the customer's context: 4 of 4");
        await ClickAsync(panel, "Followed process: not applicable");
    }

    [Fact]
    public async Task Score_QaWithANotApplicableCriterion_ShowsTheCalculatorsTotalLiveAndStoresIt()
    {
        var (conversation, _) = await App.OpenRoutedAsync();
        var panel = await RenderAsync(conversation, Role.QA);
        foreach (var check in new[] { AutomaticChecks.FirstResponseWithinSla, AutomaticChecks.TemplateOrSignalUsed, AutomaticChecks.NoReassignment, AutomaticChecks.CsatReceived })
        {
            Assert.Single(panel.FindAll($"[data-testid=check-{check}]"));
        }
        Assert.Contains("not applicable", Text(panel.Find("[data-testid=check-csat-received]")), StringComparison.Ordinal);

        await ScoreAllButResolutionAsync(panel);
        panel.WaitForAssertion(() => Assert.Equal("Total: 80.0 of 100 (4 of 5 criteria answered)", Text(panel.Find("[data-testid=review-total]"))));
        await ClickAsync(panel, "Correct resolution: 3 of 4");

        var input = new ReviewInput(
            [CriterionAnswer.Scored("greeting-tone", 3), CriterionAnswer.Scored("understood-problem", 2), CriterionAnswer.Scored("used-context", 4),
             CriterionAnswer.Scored("correct-resolution", 3), CriterionAnswer.NotApplicable("followed-process")], null, []);
        var expected = ScoreCalculator.Total(Workspace.Data.Demo.DemoScorecards.SupportQuality, input).Percent;
        Assert.Equal(78.1m, expected);
        panel.WaitForAssertion(() => Assert.Equal("Total: 78.1 of 100 (5 of 5 criteria answered)", Text(panel.Find("[data-testid=review-total]"))));
        Assert.Equal("true", panel.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Followed process: not applicable").GetAttribute("aria-pressed"));

        await SaveAsync(panel);

        panel.WaitForAssertion(() => Assert.Equal("Saved. Total: 78.1.", Text(panel.Find("[data-testid=review-saved]"))));
        Assert.Equal(expected, Assert.Single(await App.Service<ReviewRepository>().ForConversationAsync(conversation, Ct)).Score);
    }

    [Fact]
    public async Task Save_MissingAnswer_ShowsTheErrorBesideThatCriterionAndStoresNothing()
    {
        var (conversation, _) = await App.OpenRoutedAsync();
        var panel = await RenderAsync(conversation, Role.QA);
        await ScoreAllButResolutionAsync(panel);

        await SaveAsync(panel);

        panel.WaitForAssertion(() => Assert.Equal("“Correct resolution” has no score.", Text(panel.Find("[data-testid=criterion-error-correct-resolution]"))));
        Assert.Equal("alert", panel.Find("[data-testid=criterion-error-correct-resolution]").GetAttribute("role"));
        Assert.Empty(panel.FindAll("[data-testid=criterion-error-greeting-tone]"));
        Assert.Empty(panel.FindAll("[data-testid=review-saved]"));
        Assert.Empty(await App.Service<ReviewRepository>().ForConversationAsync(conversation, Ct));
    }

    [Fact]
    public async Task Render_Agent_RefusedWithoutTheForm()
    {
        var (conversation, _) = await App.OpenRoutedAsync();

        var panel = await RenderAsync(conversation, Role.Agent);

        Assert.Equal("Only QA reviewers, leads and admins review conversations.", Text(panel.Find("[data-testid=review-refused]")));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Save review");
    }

    [Fact]
    public async Task FlagWrongRouting_RulesPagePanel_CountsItAgainstTheRuleThatRoutedIt()
    {
        var (conversation, ruleId) = await App.OpenRoutedAsync();
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var rules = RenderOnce<RulesPage>();
        rules.WaitForAssertion(() => Assert.NotEmpty(rules.FindAll($"[data-testid=rule-accuracy-{ruleId}]")));
        var before = int.Parse(rules.Find($"[data-testid=rule-accuracy-{ruleId}] [data-testid=flagged]").TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var panel = await RenderAsync(conversation, Role.QA);
        await ScoreAllButResolutionAsync(panel);
        await ClickAsync(panel, "Correct resolution: 1 of 4");
        await panel.InvokeAsync(() => panel.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Wrong routing").Instance.ValueChanged.InvokeAsync(true));
        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Team it should have gone to").Instance.ValueChanged.InvokeAsync("Enterprise Success"));
        await SaveAsync(panel);
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=review-saved]")));

        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var after = RenderOnce<RulesPage>();
        after.WaitForAssertion(() => Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            after.Find($"[data-testid=rule-accuracy-{ruleId}] [data-testid=flagged]").TextContent.Trim()));
        Assert.Contains(Workspace.Domain.Quality.RoutingAccuracy.Definition, Text(after.Find("[data-testid=accuracy-definition]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagMisfit_TemplatePanel_ShowsTheFlagOnThatVersion()
    {
        var (conversation, _) = await App.OpenRoutedAsync();
        var (author, _) = await App.StaffAsync(Role.Agent);
        var template = ReviewTestWorld.UniqueTemplate();
        await App.ReplyFromTemplateAsync(conversation, author.Id, template, 2, edited: true);

        var panel = await RenderAsync(conversation, Role.QA);
        await ScoreAllButResolutionAsync(panel);
        await ClickAsync(panel, "Correct resolution: 4 of 4");
        await panel.InvokeAsync(() => panel.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Template misfit").Instance.ValueChanged.InvokeAsync(true));
        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Template version that did not fit").Instance.ValueChanged.InvokeAsync($"{template}@2"));
        await SaveAsync(panel);
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=review-saved]")));

        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var feedback = RenderOnce<TemplateFeedbackPanel>(p => p.Add(c => c.TemplateKey, template));
        feedback.WaitForAssertion(() => Assert.NotEmpty(feedback.FindAll($"[data-testid=template-feedback-{template}-v2]")));
        var row = feedback.Find($"[data-testid=template-feedback-{template}-v2]");
        Assert.Equal(("1", "100%", "1"), (row.QuerySelector("[data-testid=uses]")!.TextContent, row.QuerySelector("[data-testid=edit-rate]")!.TextContent,
            row.QuerySelector("[data-testid=misfits]")!.TextContent));
        Assert.Contains("flagged as a misfit once", Text(row), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
