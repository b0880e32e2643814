using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class RuleTextTests
{
    [Theory]
    [InlineData("valueScore", RuleOperator.Between, "10,20", "Value score between 10 and 20")]
    [InlineData("tier", RuleOperator.In, "Starter,Pro", "Tier is one of Starter, Pro")]
    [InlineData("tier", RuleOperator.Equals, "Enterprise", "Tier is Enterprise")]
    [InlineData("tier", RuleOperator.NotEquals, "Free", "Tier is not Free")]
    [InlineData("intent", RuleOperator.NotIn, "Billing,HowTo", "Intent is none of Billing, HowTo")]
    [InlineData("arr", RuleOperator.GreaterThan, "100000", "ARR > 100000")]
    [InlineData("openIssues", RuleOperator.LessThan, "2", "Open issues < 2")]
    [InlineData("complexityScore", RuleOperator.AtLeast, "70", "Complexity score ≥ 70")]
    [InlineData("lastCsat", RuleOperator.AtMost, "2", "Last CSAT ≤ 2")]
    [InlineData("segment", RuleOperator.Contains, "power-users", "Segments contains power-users")]
    [InlineData("atRisk", RuleOperator.Equals, "true", "At risk is true")]
    [InlineData("businessHours", RuleOperator.Equals, "false", "Within business hours is false")]
    [InlineData("shoeSize", RuleOperator.Equals, "42", "shoeSize is 42")]
    public void Describe_Condition_InTheEditorsWords(string field, RuleOperator op, string values, string expected) =>
        Assert.Equal(expected, RuleText.Describe(new RuleCondition(field, op, values.Split(','))));

    [Fact]
    public void Describe_ConditionWithBlankValues_LeavesThemOut() =>
        Assert.Equal("Tier is one of Starter, Pro", RuleText.Describe(new RuleCondition("tier", RuleOperator.In, ["Starter", " ", "", "Pro"])));

    [Fact]
    public void Describe_CatchAllRule_Always() =>
        Assert.Equal("always", RuleText.Describe(new RoutingRule("default", "Default", true, [], new RuleActions("General Support", [], Priority.P3, null, null))));

    [Theory]
    [InlineData(true, "Tier is Enterprise and Value score ≥ 70")]
    [InlineData(false, "Tier is Enterprise or Value score ≥ 70")]
    public void Describe_RuleWithTwoConditions_JoinedByItsMatchMode(bool matchAll, string expected)
    {
        var rule = new RoutingRule("vip", "VIP", matchAll,
            [new("tier", RuleOperator.Equals, ["Enterprise"]), new("valueScore", RuleOperator.AtLeast, ["70"])],
            new RuleActions("Enterprise Success", [], Priority.P1, null, null));

        Assert.Equal(expected, RuleText.Describe(rule));
    }

    [Fact]
    public void Describe_EveryAction_InOrder() =>
        Assert.Equal(
            "route to Technical Escalations, require api, security, P1, first response 15 min, resolution 4 h, prefer the last agent",
            RuleText.Describe(new RuleActions("Technical Escalations", ["api", "security"], Priority.P1, 15, 240, StickyPreference.LastAgent)));

    [Fact]
    public void Describe_AccountOwnerPreference_Named() =>
        Assert.Equal("route to Enterprise Success, prefer the account owner",
            RuleText.Describe(new RuleActions("Enterprise Success", [], null, null, null, StickyPreference.AccountOwner)));

    [Fact]
    public void Describe_PriorityOnly_JustThePriority() =>
        Assert.Equal("P4", RuleText.Describe(new RuleActions(null, [], Priority.P4, null, null)));

    [Theory]
    [InlineData(15, "15 min")]
    [InlineData(59, "59 min")]
    [InlineData(60, "1 h")]
    [InlineData(90, "1 h 30 min")]
    [InlineData(480, "8 h")]
    [InlineData(1440, "1 d")]
    [InlineData(1500, "25 h")]
    [InlineData(1441, "24 h 1 min")]
    [InlineData(4320, "3 d")]
    public void Minutes_ShownInTheLargestWholeUnit(int minutes, string expected) =>
        Assert.Equal(expected, RuleText.Minutes(minutes));

    [Theory]
    [InlineData(RuleOperator.Equals, "is")]
    [InlineData(RuleOperator.NotEquals, "is not")]
    [InlineData(RuleOperator.In, "is one of")]
    [InlineData(RuleOperator.NotIn, "is none of")]
    [InlineData(RuleOperator.GreaterThan, ">")]
    [InlineData(RuleOperator.LessThan, "<")]
    [InlineData(RuleOperator.AtLeast, "≥")]
    [InlineData(RuleOperator.AtMost, "≤")]
    [InlineData(RuleOperator.Between, "between")]
    [InlineData(RuleOperator.Contains, "contains")]
    public void Symbol_EveryOperator_HasItsWord(RuleOperator op, string expected) =>
        Assert.Equal(expected, RuleText.Symbol(op));
}
