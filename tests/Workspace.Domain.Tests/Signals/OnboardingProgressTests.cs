using Workspace.Domain.Signals;
using static Workspace.Domain.Tests.Signals.SignalFacts;

namespace Workspace.Domain.Tests.Signals;

public class OnboardingProgressTests
{
    private static OnboardingStepFact Done(string step, int daysAgo) => new(step, true, Now.AddDays(-daysAgo));

    private static OnboardingStepFact Failed(string step, int daysAgo) => new(step, false, Now.AddDays(-daysAgo));

    [Fact]
    public void From_NoSteps_NothingDoneFirstStepNext()
    {
        var progress = OnboardingProgress.From([], Catalog);

        Assert.Empty(progress.Completed);
        Assert.Empty(progress.FailedSteps);
        Assert.Equal("create-workspace", progress.NextStep);
        Assert.Equal(5, progress.Total);
        Assert.Equal(0, progress.Percent);
        Assert.False(progress.Complete);
        Assert.Equal("0 of 5 core steps done; next: create-workspace.", progress.Reason);
    }

    [Fact]
    public void From_StepsDoneOutOfOrder_ListedInCatalogOrderNextIsFirstGap()
    {
        var progress = OnboardingProgress.From([Done("connect-data-source", 3), Done("create-workspace", 9)], Catalog);

        Assert.Equal(["create-workspace", "connect-data-source"], progress.Completed);
        Assert.Equal("invite-team", progress.NextStep);
        Assert.Equal(40, progress.Percent);
    }

    [Fact]
    public void From_FailedStep_ListedAsFailedAndNextToRetry()
    {
        var progress = OnboardingProgress.From([Done("create-workspace", 9), Done("invite-team", 8), Failed("connect-data-source", 2)], Catalog);

        Assert.Equal(["connect-data-source"], progress.FailedSteps);
        Assert.Equal("connect-data-source", progress.NextStep);
        Assert.Equal("2 of 5 core steps done; failed: connect-data-source; next: connect-data-source.", progress.Reason);
    }

    [Fact]
    public void From_FailedThenCompleted_CountsAsDone()
    {
        var progress = OnboardingProgress.From([Done("create-workspace", 9), Failed("invite-team", 6), Done("invite-team", 5)], Catalog);

        Assert.Equal(["create-workspace", "invite-team"], progress.Completed);
        Assert.Empty(progress.FailedSteps);
        Assert.Equal("connect-data-source", progress.NextStep);
    }

    [Fact]
    public void From_FailedTwice_OneFailedStep()
    {
        var progress = OnboardingProgress.From([Failed("create-workspace", 6), Failed("create-workspace", 5)], Catalog);

        Assert.Equal(["create-workspace"], progress.FailedSteps);
        Assert.Empty(progress.Completed);
    }

    // Documented: "a completion never undone".
    [Fact]
    public void From_CompletedThenFailedLater_StaysDone()
    {
        var progress = OnboardingProgress.From([Done("create-workspace", 9), Failed("create-workspace", 1)], Catalog);

        Assert.Equal(["create-workspace"], progress.Completed);
        Assert.Empty(progress.FailedSteps);
    }

    [Fact]
    public void From_StepsOutsideCatalog_Ignored()
    {
        var progress = OnboardingProgress.From([Done("watch-intro-video", 9), Failed("install-legacy-agent", 2), Done("create-workspace", 8)], Catalog);

        Assert.Equal(["create-workspace"], progress.Completed);
        Assert.Empty(progress.FailedSteps);
        Assert.Equal(5, progress.Total);
        Assert.Equal(20, progress.Percent);
    }

    [Fact]
    public void From_StepNameInOtherCase_NotTheCatalogStep() =>
        Assert.Empty(OnboardingProgress.From([Done("Create-Workspace", 9)], Catalog).Completed);

    [Fact]
    public void From_EveryStepDone_CompleteWithNoNextStep()
    {
        var progress = OnboardingProgress.From(StepsDone(Catalog.OnboardingSteps.ToArray()), Catalog);

        Assert.True(progress.Complete);
        Assert.Null(progress.NextStep);
        Assert.Equal(100, progress.Percent);
        Assert.Equal("All 5 core steps done.", progress.Reason);
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(4, 80)]
    public void Percent_StepsDone_ShareOfCoreSteps(int done, int percent) =>
        Assert.Equal(percent, OnboardingProgress.From(StepsDone(Catalog.OnboardingSteps.Take(done).ToArray()), Catalog).Percent);

    [Fact]
    public void From_CatalogOfThree_PercentRounded()
    {
        var catalog = new ProductCatalog(["a", "b", "c"], [], [1]);

        Assert.Equal(67, OnboardingProgress.From([Done("a", 2), Done("b", 1)], catalog).Percent);
    }

    [Fact]
    public void From_CatalogWithoutSteps_CompleteAtHundredPercent()
    {
        var progress = OnboardingProgress.From([Done("anything", 1)], new ProductCatalog([], ["dashboards"], [1]));

        Assert.True(progress.Complete);
        Assert.Equal(100, progress.Percent);
    }
}
