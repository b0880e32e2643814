using Workspace.Domain.Segments;

namespace Workspace.Domain.Tests.Segments;

public class SegmentEvaluatorTests
{
    private static readonly Dictionary<string, string?> Customer = new(StringComparer.Ordinal)
    {
        ["tier"] = "Pro",
        ["valueScore"] = "72",
        ["atRisk"] = "false",
        ["plan"] = "Pro Annual",
        ["lastCsat"] = null,
    };

    [Theory]
    [InlineData("tier", SegmentOperator.Equals, "Pro", true)]
    [InlineData("tier", SegmentOperator.NotEquals, "Pro", false)]
    [InlineData("tier", SegmentOperator.In, "Free,Pro", true)]
    [InlineData("tier", SegmentOperator.NotIn, "Free,Pro", false)]
    [InlineData("valueScore", SegmentOperator.GreaterThan, "72", false)]
    [InlineData("valueScore", SegmentOperator.AtLeast, "72", true)]
    [InlineData("valueScore", SegmentOperator.LessThan, "80", true)]
    [InlineData("valueScore", SegmentOperator.AtMost, "71", false)]
    [InlineData("valueScore", SegmentOperator.Equals, "72", true)]
    [InlineData("atRisk", SegmentOperator.Equals, "true", false)]
    [InlineData("plan", SegmentOperator.Equals, "pro annual", true)]
    [InlineData("lastCsat", SegmentOperator.AtMost, "2", false)]
    public void Evaluate_EachOperator_HoldsAsWritten(string field, SegmentOperator op, string values, bool expected)
    {
        var match = SegmentEvaluator.Evaluate(new SegmentDefinition(true, [new(field, op, values.Split(','))]), Customer);

        Assert.Equal(expected, match.Matches);
        Assert.EndsWith($"(is {Customer[field] ?? "unknown"})", Assert.Single(match.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllVersusAny_CombineAsNamed()
    {
        SegmentCondition[] conditions = [new("tier", SegmentOperator.Equals, ["Pro"]), new("atRisk", SegmentOperator.Equals, ["true"])];

        Assert.False(SegmentEvaluator.Evaluate(new SegmentDefinition(true, conditions), Customer).Matches);
        var any = SegmentEvaluator.Evaluate(new SegmentDefinition(false, conditions), Customer);
        Assert.True(any.Matches);
        Assert.Equal(["Tier is Pro: yes (is Pro)", "At risk is true: no (is false)"], any.Reasons);
    }
}
