using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class ScorecardTests
{
    private static ScorecardCriterion Criterion(string id, string label = "Label", int weight = 10, int max = 5) => new(id, label, null, weight, max);

    [Fact]
    public void Validate_SampleScorecard_NoErrors() => Assert.True(SampleScorecards.Support.Validate().IsEmpty);

    [Fact]
    public void Validate_NoCriteria_AsksForOne()
    {
        var errors = new Scorecard("empty", "Empty", []).Validate().ToDictionary();

        Assert.Equal(["A scorecard needs at least one criterion."], errors["criteria"]);
    }

    [Fact]
    public void Validate_DuplicateId_NamesTheSecondCriterion()
    {
        var errors = new Scorecard("dup", "Dup", [Criterion("tone"), Criterion("accuracy"), Criterion("tone")]).Validate().ToDictionary();

        Assert.Equal(["Criterion id 'tone' is used twice."], errors["criteria[2].id"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_WeightOutOfRange_GivesTheRange(int weight)
    {
        var errors = new Scorecard("w", "W", [Criterion("a", weight: weight)]).Validate().ToDictionary();

        Assert.Equal([$"The weight must be from 1 to 100 (got {weight})."], errors["criteria[0].weight"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Validate_HighestScoreOutOfRange_GivesTheRange(int max)
    {
        var errors = new Scorecard("m", "M", [Criterion("a"), Criterion("b", max: max)]).Validate().ToDictionary();

        Assert.Equal([$"The highest score must be from 1 to 10 (got {max})."], errors["criteria[1].maxScore"]);
    }

    [Fact]
    public void Validate_WeightAndScoreAtTheirLimits_Accepted() =>
        Assert.True(new Scorecard("l", "Limits", [Criterion("a", weight: 1, max: 1), Criterion("b", weight: 100, max: 10)]).Validate().IsEmpty);

    [Fact]
    public void Validate_BlankLabelAndName_AsksForThem()
    {
        var errors = new Scorecard("blank", " ", [Criterion("a"), Criterion("b", label: "  ")]).Validate().ToDictionary();

        Assert.Equal(["Give the scorecard a name."], errors["name"]);
        Assert.Equal(["Give criterion 2 a label."], errors["criteria[1].label"]);
    }

    [Fact]
    public void Validate_ThirtyOneCriteria_SaysTheLimit()
    {
        var criteria = Enumerable.Range(1, 31).Select(i => Criterion($"c{i}")).ToList();

        var errors = new Scorecard("big", "Big", criteria).Validate().ToDictionary();

        Assert.Equal(["A scorecard holds at most 30 criteria (got 31)."], errors["criteria"]);
        Assert.True(new Scorecard("big", "Big", criteria[..30]).Validate().IsEmpty);
    }

    [Fact]
    public void Validate_KeyWithSpaces_Rejected()
    {
        var errors = new Scorecard("support card", "Support", [Criterion("a")]).Validate().ToDictionary();

        Assert.True(errors.ContainsKey("key"));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var errors = new Scorecard("s", "S", [Criterion("a", weight: 0), Criterion("a", label: "", max: 20)]).Validate().ToDictionary();

        Assert.Equal(["criteria[0].weight", "criteria[1].id", "criteria[1].label", "criteria[1].maxScore"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
