using Workspace.Data.Quality;
using Workspace.Domain.Quality;
using Workspace.Web.Features.Qa.Reviews;

namespace Workspace.Web.Tests.Features.Qa.Reviews;

public sealed class ScorecardDraftTests
{
    [Fact]
    public void ToScorecard_NewCriteria_GetUniqueIdsFromTheirLabels()
    {
        var draft = ScorecardDraft.New();
        draft.Key = " card ";
        draft.Name = "Card";
        draft.Criteria[0].Label = "Greeting & tone";
        draft.Add();
        draft.Criteria[1].Label = "Greeting & tone!";
        draft.Add();

        var card = draft.ToScorecard();

        Assert.Equal("card", card.Key);
        Assert.Equal(["greeting-tone", "greeting-tone-2", "criterion"], card.Criteria.Select(c => c.Id));
    }

    [Fact]
    public void From_PublishedVersion_KeepsIdsAndMovesRows()
    {
        var version = new ScorecardVersion(new Scorecard("card", "Card",
            [new ScorecardCriterion("a", "A", null, 1, 2), new ScorecardCriterion("b", "B", "desc", 2, 3, true)]), 4, false, "lead", DateTimeOffset.UnixEpoch);
        var draft = ScorecardDraft.From(version);

        draft.Move(draft.Criteria[1], -1);
        draft.Move(draft.Criteria[0], -1);

        Assert.Equal(4, draft.BasedOn);
        Assert.Equal([new ScorecardCriterion("b", "B", "desc", 2, 3, true), new ScorecardCriterion("a", "A", null, 1, 2)], draft.ToScorecard().Criteria);
    }

    [Fact]
    public void Validate_BadRow_ErrorsReadBackForThatRowOnly()
    {
        var draft = ScorecardDraft.New();
        draft.Key = "card";
        draft.Name = "Card";
        draft.Criteria[0].Label = "Tone";
        draft.Add();
        draft.Criteria[1].Label = "Speed";
        draft.Criteria[1].MaxScore = 0;

        draft.Validate();

        Assert.Empty(draft.ErrorsFor(0));
        Assert.Equal(["The highest score must be from 1 to 10 (got 0)."], draft.ErrorsFor(1));
    }
}
