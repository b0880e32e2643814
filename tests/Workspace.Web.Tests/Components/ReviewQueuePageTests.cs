using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Conversations;
using Workspace.Data.Quality;
using Workspace.Domain.Conversations;
using Workspace.Domain.Quality;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Qa.Reviews;
using Workspace.Web.Tests.Features.Qa.Reviews;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>The review queue over the demo world's resolved conversations and the test's own (only the test's own are reviewed).</summary>
public sealed class ReviewQueuePageTests : ComponentTestContext
{
    public ReviewQueuePageTests(WorkspaceApp app)
        : base(app)
    {
    }

    private async Task<IRenderedComponent<ReviewQueuePage>> RenderAsync(string url, params Role[] roles)
    {
        var (user, _) = await App.StaffAsync(roles);
        await SignInAsAsync(user.Email);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var page = RenderWithPopovers<ReviewQueuePage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")));
        return page;
    }

    [Fact]
    public async Task Render_PerAgentFromTheUrl_AtMostThatManyPerAgentAndWeekEachLinkingToItsConversation()
    {
        var page = await RenderAsync("/qa/queue?perAgent=2&weeks=4", Role.QA);

        var items = page.FindAll("[data-testid^=queue-item-]");
        Assert.All(page.FindAll("ul[aria-label]"), list => Assert.InRange(list.QuerySelectorAll("li").Length, 1, 2));
        Assert.Contains($"{items.Count} conversation", page.Find("[data-testid=queue-left]").TextContent, StringComparison.Ordinal);
        Assert.All(items, item => Assert.StartsWith("/qa/conversations/", item.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(2, page.Instance.PerAgent);
    }

    [Fact]
    public async Task Render_Agent_Refused()
    {
        var page = await RenderAsync("/qa/queue", Role.Agent);

        Assert.Equal("Only QA reviewers, leads and admins see the review queue.", page.Find("[data-testid=queue-refused]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid^=queue-item-]"));
    }

    [Fact]
    public async Task Review_AQueuedConversation_LeavesTheQueue()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var (agent, _) = await App.StaffAsync(Role.Agent);
        var (conversation, _) = await App.OpenRoutedAsync();
        var repository = App.Service<ConversationRepository>();
        Assert.True((await repository.ClaimAsync(conversation, agent.Id, DateTimeOffset.UtcNow, ct)).Done);
        var current = (await repository.GetAsync(conversation, ct))!;
        Assert.True(await repository.SetStatusAsync(conversation, current.Status, ConversationStatus.Resolved, null, "resolved", agent.Id, null, DateTimeOffset.UtcNow, ct));

        var queued = await RenderAsync("/qa/queue?perAgent=1&weeks=1", Role.QA);
        Assert.Single(queued.FindAll($"[data-testid=queue-item-{conversation}]"));

        var (_, qa) = await App.StaffAsync(Role.QA);
        var scorecard = (await App.Service<ScorecardRepository>().VersionAsync(ReviewTestWorld.DemoScorecard, 1, ct))!.Scorecard;
        var input = new ReviewInput([.. scorecard.Criteria.Select(c => CriterionAnswer.Scored(c.Id, 1))], null, []);
        Assert.True((await App.Service<ReviewService>().SaveAsync(qa, conversation, ReviewTestWorld.DemoScorecard, 1, input, ct)).Succeeded);

        var after = Render<ReviewQueuePage>();
        after.WaitForAssertion(() => Assert.Empty(after.FindAll(".mud-progress-linear")));
        Assert.Empty(after.FindAll($"[data-testid=queue-item-{conversation}]"));
    }
}
