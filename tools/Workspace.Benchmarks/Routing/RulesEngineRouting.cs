using System.Text;
using RulesEngine.Models;
using Workspace.Domain.Routing;

namespace Workspace.Benchmarks.Routing;

/// <summary>
/// The same routing rules as Microsoft RulesEngine lambda expressions over <see cref="RoutingFacts"/> (parameter
/// <c>input1</c>), in two shapes: one top-level rule per routing rule, which RulesEngine evaluates all of; and the
/// recommended first-match shape, one parent rule with <c>OrElse</c> over the routing rules in order, which
/// stops at the first child that holds when the engine runs with <see cref="NestedRuleExecutionMode.Performance"/>.
/// </summary>
public static class RulesEngineRouting
{
    public const string AllRulesWorkflow = "routing-all-rules";
    public const string FirstMatchWorkflow = "routing-first-match";
    public const string InputName = "input1";

    public static RulesEngine.RulesEngine CreateEngine(IReadOnlyList<RoutingRule> rules) =>
        new(
            [
                new Workflow { WorkflowName = AllRulesWorkflow, Rules = rules.Select(ToRule).ToList() },
                new Workflow
                {
                    WorkflowName = FirstMatchWorkflow,
                    Rules = [new Rule { RuleName = "first-match", Operator = "OrElse", Rules = rules.Select(ToRule).ToList() }],
                },
            ],
            // Without this a rule whose expression does not parse just reports failure, and the engines would
            // seem to disagree for no visible reason.
            new ReSettings { NestedRuleExecutionMode = NestedRuleExecutionMode.Performance, EnableExceptionAsErrorMessage = false });

    /// <summary>The first rule that holds, reading every top-level result in order.</summary>
    public static async ValueTask<string> FirstOfAllRulesAsync(RulesEngine.RulesEngine engine, RuleParameter[] input)
    {
        var results = await engine.ExecuteAllRulesAsync(AllRulesWorkflow, input);
        foreach (var result in results)
        {
            if (result.IsSuccess)
            {
                return result.Rule.RuleName;
            }
        }
        throw new InvalidOperationException("No rule held.");
    }

    /// <summary>The rule that ended the short-circuited <c>OrElse</c>: the last child evaluated.</summary>
    public static async ValueTask<string> FirstMatchAsync(RulesEngine.RulesEngine engine, RuleParameter[] input)
    {
        var results = await engine.ExecuteAllRulesAsync(FirstMatchWorkflow, input);
        var last = results[0].ChildResults.Last();
        return last.IsSuccess ? last.Rule.RuleName : throw new InvalidOperationException("No rule held.");
    }

    public static RuleParameter[] Input(RoutingFacts facts) => [new RuleParameter(InputName, facts)];

    private static Rule ToRule(RoutingRule rule) => new()
    {
        RuleName = rule.Id,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Expression = rule.IsCatchAll
            ? "true"
            : string.Join(rule.MatchAll ? " && " : " || ", rule.Conditions.Select(c => $"({Expression(c)})")),
    };

    /// <summary>One condition with the meaning <see cref="CompiledRuleset"/> gives it, including how it treats a missing value.</summary>
    public static string Expression(RuleCondition c)
    {
        var field = RuleField.Find(c.Field) ?? throw new InvalidOperationException($"Unknown field '{c.Field}'.");
        var member = $"{InputName}.{char.ToUpperInvariant(c.Field[0])}{c.Field[1..]}";
        var values = c.Values;
        switch (field.Type)
        {
            case RuleValueType.Number:
                // The routing engine treats a comparison with a missing number as false, NotEquals included.
                var guard = c.Field == "lastCsat" ? $"{member} != null && " : "";
                return guard + c.Operator switch
                {
                    RuleOperator.Equals => $"{member} == {values[0]}",
                    RuleOperator.NotEquals => $"{member} != {values[0]}",
                    RuleOperator.GreaterThan => $"{member} > {values[0]}",
                    RuleOperator.LessThan => $"{member} < {values[0]}",
                    RuleOperator.AtLeast => $"{member} >= {values[0]}",
                    RuleOperator.AtMost => $"{member} <= {values[0]}",
                    RuleOperator.Between => $"{member} >= {values[0]} && {member} <= {values[1]}",
                    RuleOperator.In or RuleOperator.NotIn or RuleOperator.Contains => throw Unsupported(c),
                };
            case RuleValueType.Boolean:
                return $"{member} == {values[0]}";
            case RuleValueType.Set:
                return $"{InputName}.Segments.Contains({Literal(values[0])})";
            case RuleValueType.Choice:
                // Enum members compare with string literals; "in" does not work on the nullable intent, so every
                // choice uses a chain of ==, the same shape for all four fields.
                return c.Operator switch
                {
                    RuleOperator.Equals => $"{member} == {Literal(values[0])}",
                    RuleOperator.NotEquals => $"{member} != {Literal(values[0])}",
                    RuleOperator.In => AnyOf(values, v => $"{member} == {Literal(v)}"),
                    RuleOperator.NotIn => $"!({AnyOf(values, v => $"{member} == {Literal(v)}")})",
                    RuleOperator.Contains or RuleOperator.GreaterThan or RuleOperator.LessThan or RuleOperator.AtLeast
                        or RuleOperator.AtMost or RuleOperator.Between => throw Unsupported(c),
                };
            case RuleValueType.Text:
                string Same(string v) => $"string.Equals({member}, {Literal(v)}, StringComparison.OrdinalIgnoreCase)";
                return c.Operator switch
                {
                    RuleOperator.Equals => Same(values[0]),
                    RuleOperator.NotEquals => $"!{Same(values[0])}",
                    RuleOperator.In => AnyOf(values, Same),
                    RuleOperator.NotIn => $"!({AnyOf(values, Same)})",
                    RuleOperator.Contains => $"{member} != null && {member}.Contains({Literal(values[0])}, StringComparison.OrdinalIgnoreCase)",
                    RuleOperator.GreaterThan or RuleOperator.LessThan or RuleOperator.AtLeast or RuleOperator.AtMost or RuleOperator.Between => throw Unsupported(c),
                };
        }
        throw Unsupported(c);
    }

    private static string AnyOf(IEnumerable<string> values, Func<string, string> test) => string.Join(" || ", values.Select(test));

    private static string Literal(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var ch in value)
        {
            if (ch is '"' or '\\')
            {
                text.Append('\\');
            }
            text.Append(ch);
        }
        return text.Append('"').ToString();
    }

    private static NotSupportedException Unsupported(RuleCondition c) => new($"No RulesEngine expression for '{c.Field}' {c.Operator}.");
}
