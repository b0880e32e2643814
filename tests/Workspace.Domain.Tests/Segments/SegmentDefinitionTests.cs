using Workspace.Domain.Segments;

namespace Workspace.Domain.Tests.Segments;

public class SegmentDefinitionTests
{
    private static SegmentDefinition One(string field, SegmentOperator op, params string[] values) => new(true, [new(field, op, values)]);

    [Fact]
    public void Validate_WellFormed_NoErrors() =>
        Assert.True(new SegmentDefinition(true, [
            new("tier", SegmentOperator.In, ["Pro", "Enterprise"]),
            new("valueScore", SegmentOperator.AtLeast, ["70"]),
            new("atRisk", SegmentOperator.Equals, ["true"]),
        ]).Validate().IsEmpty);

    [Theory]
    [InlineData("shoeSize", SegmentOperator.Equals, "42", "conditions[0].field", "Unknown field 'shoeSize'")]
    [InlineData("atRisk", SegmentOperator.AtLeast, "1", "conditions[0].operator", "does not apply to At risk")]
    [InlineData("valueScore", SegmentOperator.AtLeast, "high", "conditions[0].values", "'high' is not a number")]
    [InlineData("tier", SegmentOperator.Equals, "Gold", "conditions[0].values", "'Gold' is not one of Free, Starter, Pro, Enterprise")]
    [InlineData("atRisk", SegmentOperator.Equals, "yes", "conditions[0].values", "'yes' must be true or false")]
    [InlineData("tier", SegmentOperator.Equals, "", "conditions[0].values", "Give exactly one value")]
    public void Validate_BadCondition_NamesConditionAndProblem(string field, SegmentOperator op, string value, string key, string fragment)
    {
        var errors = One(field, op, value).Validate().ToDictionary();

        Assert.Contains(fragment, string.Join(" ", errors[key]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoConditions_Refused() =>
        Assert.True(new SegmentDefinition(true, []).Validate().ToDictionary().ContainsKey("conditions"));

    [Fact]
    public void Validate_SeveralValuesForEquals_Refused() =>
        Assert.Contains("Give exactly one value", string.Join(" ", One("tier", SegmentOperator.Equals, "Pro", "Free").Validate().ToDictionary()["conditions[0].values"]), StringComparison.Ordinal);

    [Fact]
    public void Describe_ReadsAsASentence() =>
        Assert.Equal("Tier is one of Pro, Enterprise and At risk is true",
            new SegmentDefinition(true, [new("tier", SegmentOperator.In, ["Pro", "Enterprise"]), new("atRisk", SegmentOperator.Equals, ["true"])]).Describe());
}
