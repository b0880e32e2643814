using Workspace.Data.Quality;
using Workspace.Domain.Quality;
using Workspace.Web.Features.Qa.Reviews;

namespace Workspace.Web.Tests.Features.Qa.Reviews;

public sealed class ReviewFormTests
{
    private static readonly ScorecardVersion Card = new(new Scorecard("card", "Card",
    [
        new ScorecardCriterion("tone", "Tone", null, 1, 4),
        new ScorecardCriterion("resolution", "Resolution", null, 3, 4),
        new ScorecardCriterion("process", "Process", null, 2, 2, AllowNotApplicable: true),
    ]), 1, false, "lead", DateTimeOffset.UnixEpoch);

    [Fact]
    public void TotalSoFar_EveryCriterionAnswered_IsTheCalculatorsTotal()
    {
        var form = new ReviewForm(Card, null);
        form.Answers[0].Choose(2);
        form.Answers[1].Choose(3);
        form.Answers[2].ChooseNotApplicable();

        Assert.True(form.IsComplete);
        Assert.Equal(ScoreCalculator.Total(Card.Scorecard, form.ToInput()).Percent, form.TotalSoFar);
        Assert.Equal(68.8m, form.TotalSoFar);
    }

    [Fact]
    public void TotalSoFar_PartlyAnswered_CountsTheAnsweredOnlyAndInputLeavesTheRestOut()
    {
        var form = new ReviewForm(Card, null);
        Assert.Null(form.TotalSoFar);

        form.Answers[1].Choose(2);

        Assert.Equal(50m, form.TotalSoFar);
        Assert.Equal(1, form.AnsweredCount);
        Assert.Equal(["resolution"], form.ToInput().Answers.Select(a => a.CriterionId));
    }

    [Fact]
    public void ToInput_Flags_WrongRoutingThenMisfitParsedFromTheChoice()
    {
        var form = new ReviewForm(Card, null)
        {
            WrongRouting = true, CorrectTeam = "Billing", WrongRoutingNote = "note",
            Misfit = true, MisfitTemplate = ReviewForm.TemplateChoice("welcome@eu", 3), MisfitNote = "too long",
        };

        Assert.Equal([new WrongRouting("Billing", "note"), new TemplateMisfit("welcome@eu", 3, "too long")], form.ToInput().Flags);
    }

    [Fact]
    public void Errors_KeyedByCriterionAndFlag_ReadBackBesideEach()
    {
        var form = new ReviewForm(Card, null) { WrongRouting = true, Misfit = true };
        form.Errors = new Dictionary<string, string[]>
        {
            ["answers.tone"] = ["no score"],
            ["answers.tone.comment"] = ["too long"],
            ["flags[0].correctTeam"] = ["choose a team"],
            ["flags[1].note"] = ["note too long"],
            ["flags.templateKey"] = ["not sent"],
            ["comment"] = ["overall too long"],
        };

        Assert.Equal(["no score", "too long"], form.ErrorsFor("tone"));
        Assert.Empty(form.ErrorsFor("process"));
        Assert.Equal(["choose a team"], form.WrongRoutingErrors);
        Assert.Equal(["note too long", "not sent"], form.MisfitErrors);
        Assert.Equal(["overall too long"], form.OtherErrors);
    }

    [Fact]
    public void New_FromAnEarlierReview_StartsWithItsAnswersAndFlags()
    {
        var earlier = new ReviewRecord(1, 9, 5, "Quinn", null, "card", 1,
            [CriterionAnswer.Scored("tone", 4, "good"), CriterionAnswer.NotApplicable("process")], "fine", 80m, 3, "Billing", "wrong team",
            [new TemplateMisfit("welcome", 2, "stiff")], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var form = new ReviewForm(Card, earlier);

        Assert.Equal(4, form.Answers[0].Score);
        Assert.Equal("good", form.Answers[0].Comment);
        Assert.False(form.Answers[1].IsAnswered);
        Assert.True(form.Answers[2].NotApplicable);
        Assert.Equal(("Billing", "welcome@2"), (form.CorrectTeam, form.MisfitTemplate));
    }
}
