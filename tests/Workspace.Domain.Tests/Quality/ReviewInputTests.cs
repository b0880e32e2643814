using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class ReviewInputTests
{
    private static readonly Scorecard Card = SampleScorecards.Support;

    [Fact]
    public void Validate_EveryCriterionAnswered_NoErrors() =>
        Assert.True(SampleScorecards.Review(2, 4, 3, null).Validate(Card).IsEmpty);

    [Fact]
    public void Validate_MissingCriterion_NamesIt()
    {
        var review = new ReviewInput([CriterionAnswer.Scored("greeting", 2), CriterionAnswer.Scored("accuracy", 5)], null, []);

        var errors = review.Validate(Card).ToDictionary();

        Assert.Equal(["“Empathy” has no score."], errors["answers.empathy"]);
        Assert.Equal(["“Refund handled” has no answer; score it or mark it not applicable."], errors["answers.refund"]);
    }

    [Fact]
    public void Validate_NotApplicableWhereNotAllowed_Refused()
    {
        var review = new ReviewInput(
            [CriterionAnswer.Scored("greeting", 2), CriterionAnswer.NotApplicable("accuracy"), CriterionAnswer.Scored("empathy", 4), CriterionAnswer.NotApplicable("refund")],
            null, []);

        var errors = review.Validate(Card).ToDictionary();

        Assert.Equal(["“Accuracy” always applies; give it a score from 0 to 5."], errors["answers.accuracy"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Validate_ScoreOutOfRange_GivesTheRange(int empathy)
    {
        var errors = SampleScorecards.Review(2, 4, empathy, 1).Validate(Card).ToDictionary();

        Assert.Equal([$"“Empathy” is scored from 0 to 4 (got {empathy})."], errors["answers.empathy"]);
    }

    [Fact]
    public void Validate_ZeroAndHighestScore_Accepted() =>
        Assert.True(SampleScorecards.Review(0, 5, 4, 0).Validate(Card).IsEmpty);

    [Fact]
    public void Validate_UnknownOrRepeatedCriterion_Refused()
    {
        var valid = SampleScorecards.Review(2, 4, 3, 1);
        var review = valid with { Answers = [.. valid.Answers, CriterionAnswer.Scored("speed", 3), CriterionAnswer.Scored("greeting", 1)] };

        var errors = review.Validate(Card).ToDictionary();

        Assert.Equal(["'speed' is not a criterion of the scorecard “Support conversation”."], errors["answers.speed"]);
        Assert.Equal(["“Greeting” is answered more than once."], errors["answers.greeting"]);
    }

    [Fact]
    public void Validate_CriterionCommentOverLimit_Refused()
    {
        var valid = SampleScorecards.Review(2, 4, 3, 1);
        ReviewInput WithGreetingComment(int length) =>
            valid with { Answers = [CriterionAnswer.Scored("greeting", 2, new string('x', length)), .. valid.Answers.Skip(1)] };

        var errors = WithGreetingComment(1001).Validate(Card).ToDictionary();

        Assert.Equal(["'answers.greeting.comment' must be at most 1000 characters (got 1001)."], errors["answers.greeting.comment"]);
        Assert.True(WithGreetingComment(1000).Validate(Card).IsEmpty);
    }

    [Fact]
    public void Validate_InvalidFlag_KeyedByItsPosition()
    {
        var review = SampleScorecards.Review(2, 4, 3, 1, new TemplateMisfit("welcome", 2), new WrongRouting(" "));

        var errors = review.Validate(Card).ToDictionary();

        Assert.Equal(["Choose the team the conversation should have gone to."], errors["flags[1].correctTeam"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_WrongRoutingTwice_Refused()
    {
        var errors = SampleScorecards.Review(2, 4, 3, 1, new WrongRouting("Billing"), new WrongRouting("Technical Escalations")).Validate(Card).ToDictionary();

        Assert.Equal(["Flag wrong routing once, with the one team the conversation should have gone to."], errors["flags"]);
    }

    [Fact]
    public void Validate_SameTemplateVersionFlaggedTwice_Refused()
    {
        var review = SampleScorecards.Review(2, 4, 3, 1, new TemplateMisfit("welcome", 2), new TemplateMisfit("welcome", 1), new TemplateMisfit("welcome", 2));

        var errors = review.Validate(Card).ToDictionary();

        Assert.Equal(["Template 'welcome' version 2 is flagged more than once."], errors["flags"]);
    }

    [Fact]
    public void Flags_WrongRoutingAndMisfit_ReadBackForTheFigures()
    {
        var review = SampleScorecards.Review(2, 4, 3, 1, new WrongRouting("Billing", "Invoice question"), new TemplateMisfit("welcome", 2));

        Assert.True(review.FlagsWrongRouting);
        Assert.True(review.FlagsMisfit("welcome", 2));
        Assert.False(review.FlagsMisfit("welcome", 1));
        Assert.False(SampleScorecards.Review(2, 4, 3, 1).FlagsWrongRouting);
    }
}
