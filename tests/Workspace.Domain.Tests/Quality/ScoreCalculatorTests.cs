using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class ScoreCalculatorTests
{
    private static readonly Scorecard Card = SampleScorecards.Support;

    [Fact]
    public void Total_EveryCriterionApplies_WeightsEachByItsShareOfTheHighestScore()
    {
        // greeting 10 × 2/2 = 10, accuracy 50 × 4/5 = 40, empathy 20 × 3/4 = 15, refund 20 × 1/1 = 20: 85 of 100.
        var result = ScoreCalculator.Total(Card, SampleScorecards.Review(2, 4, 3, 1));

        Assert.Equal(85.0m, result.Percent);
        Assert.Equal([10.0m, 40.0m, 15.0m, 20.0m], result.Breakdown.Select(b => b.Contribution));
    }

    [Fact]
    public void Total_HeavyCriterionFullMarksOthersZero_FollowsTheWeights()
    {
        // Only accuracy (weight 50 of 100) scores: 50%, where an unweighted average of the four would give 25%.
        var result = ScoreCalculator.Total(Card, SampleScorecards.Review(0, 5, 0, 0));

        Assert.Equal(50.0m, result.Percent);
    }

    [Fact]
    public void Total_NotApplicableCriterion_LeftOutOfBothSums()
    {
        // Without refund: (10 + 40 + 15) / (10 + 50 + 20) × 100 = 65 / 80 × 100 = 81.25, shown as 81.3.
        var result = ScoreCalculator.Total(Card, SampleScorecards.Review(2, 4, 3, null));

        Assert.Equal(81.3m, result.Percent);
        var refund = result.Breakdown.Single(b => b.CriterionId == "refund");
        Assert.True(refund.IsNotApplicable);
        Assert.Null(refund.Contribution);
        // 10/80, 40/80 and 15/80 of 100 points.
        Assert.Equal([12.5m, 50.0m, 18.8m], result.Breakdown.Where(b => !b.IsNotApplicable).Select(b => b.Contribution));
    }

    [Fact]
    public void Total_NotApplicableRefundVersusZeroRefund_OnlyZeroLowersTheScore()
    {
        var notApplicable = ScoreCalculator.Total(Card, SampleScorecards.Review(2, 5, 4, null));
        var zero = ScoreCalculator.Total(Card, SampleScorecards.Review(2, 5, 4, 0));

        Assert.Equal(100.0m, notApplicable.Percent);
        Assert.Equal(80.0m, zero.Percent);
    }

    [Fact]
    public void Total_ThirdOfOneCriterion_RoundedToOneDecimal()
    {
        var card = new Scorecard("one", "One", [new("a", "A", null, 1, 3)]);

        var result = ScoreCalculator.Total(card, new ReviewInput([CriterionAnswer.Scored("a", 1)], null, []));

        Assert.Equal(33.3m, result.Percent);
    }

    [Fact]
    public void Total_EveryCriterionNotApplicable_NotScorable()
    {
        var card = new Scorecard("optional", "Optional", [new("a", "A", null, 10, 5, true), new("b", "B", null, 30, 2, true)]);
        var review = new ReviewInput([CriterionAnswer.NotApplicable("a"), CriterionAnswer.NotApplicable("b", "No refund was asked for.")], null, []);

        var result = ScoreCalculator.Total(card, review);

        Assert.Null(result.Percent);
        Assert.False(result.IsScorable);
        Assert.All(result.Breakdown, b => Assert.Null(b.Contribution));
        Assert.Equal("No refund was asked for.", result.Breakdown[1].Comment);
    }

    [Fact]
    public void Total_BreakdownFollowsTheScorecardOrder_WhateverTheAnswerOrder()
    {
        var answers = SampleScorecards.Review(1, 3, 2, 1).Answers.Reverse().ToList();

        var result = ScoreCalculator.Total(Card, new ReviewInput(answers, null, []));

        Assert.Equal(["greeting", "accuracy", "empathy", "refund"], result.Breakdown.Select(b => b.CriterionId));
        Assert.Equal([1, 3, 2, 1], result.Breakdown.Select(b => b.Score));
    }

    [Fact]
    public void Total_InvalidReview_ThrowsWithTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => ScoreCalculator.Total(Card, SampleScorecards.Review(3, 4, 3, 1)));

        Assert.Contains("“Greeting” is scored from 0 to 2 (got 3).", error.Message, StringComparison.Ordinal);
    }
}
