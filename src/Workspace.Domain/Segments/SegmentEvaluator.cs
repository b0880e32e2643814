using System.Globalization;
using Workspace.Domain.Customers;
using Workspace.Domain.Signals;

namespace Workspace.Domain.Segments;

/// <summary>The outcome of one segment for one customer, with each condition's actual value and whether it held.</summary>
public sealed record SegmentMatch(bool Matches, IReadOnlyList<string> Reasons);

/// <summary>Evaluates segment definitions against a customer's current signals. Pure.</summary>
public static class SegmentEvaluator
{
    /// <summary>The customer's value for every segment field, as text (numbers invariant, booleans true/false).</summary>
    public static IReadOnlyDictionary<string, string?> ValuesOf(CustomerSignals signals, CustomerProfile profile)
    {
        var inv = CultureInfo.InvariantCulture;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["tier"] = profile.Tier.ToString(),
            ["valueScore"] = signals.ValueScore.ToString(inv),
            ["arr"] = profile.Arr.ToString(inv),
            ["lifecycleStage"] = signals.Lifecycle.Stage.ToString(),
            ["atRisk"] = signals.Lifecycle.AtRisk ? "true" : "false",
            ["onboardingPercent"] = signals.Onboarding.Percent.ToString(inv),
            ["failedOnboardingStep"] = signals.Onboarding.FailedSteps.Count > 0 ? "true" : "false",
            ["activityTrend"] = signals.Activity.Label,
            ["unresolvedIssues"] = signals["unresolvedIssues"]?.Value,
            ["repeatContact"] = signals["repeatContact"]?.Value == "Yes" ? "true" : "false",
            ["featuresAdopted"] = signals.FeaturesUsed.Count.ToString(inv),
            ["lastCsat"] = signals["lastCsat"]?.Value is { } csat && int.TryParse(csat, NumberStyles.Integer, inv, out _) ? csat : null,
            ["experienceLevel"] = profile.ExperienceLevel.ToString(),
            ["preferredTone"] = signals.PreferredTone.ToString(),
            ["plan"] = profile.Plan,
            ["locale"] = profile.Locale,
        };
    }

    public static SegmentMatch Evaluate(SegmentDefinition definition, IReadOnlyDictionary<string, string?> values)
    {
        var reasons = new List<string>();
        var results = new List<bool>();
        foreach (var c in definition.Conditions)
        {
            var field = SegmentField.Find(c.Field);
            values.TryGetValue(c.Field, out var actual);
            var held = field is not null && actual is not null && Holds(field, c, actual);
            results.Add(held);
            reasons.Add($"{field?.Label ?? c.Field} {SegmentDefinition.Words(c.Operator)} {string.Join(", ", c.Values)}: {(held ? "yes" : "no")} (is {actual ?? "unknown"})");
        }
        var matches = results.Count > 0 && (definition.MatchAll ? results.All(r => r) : results.Any(r => r));
        return new SegmentMatch(matches, reasons);
    }

    private static bool Holds(SegmentField field, SegmentCondition c, string actual)
    {
        if (field.Type == SegmentValueType.Number)
        {
            if (!double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                || !double.TryParse(c.Values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var e))
            {
                return false;
            }
            return c.Operator switch
            {
                SegmentOperator.Equals => a == e,
                SegmentOperator.NotEquals => a != e,
                SegmentOperator.GreaterThan => a > e,
                SegmentOperator.AtLeast => a >= e,
                SegmentOperator.LessThan => a < e,
                SegmentOperator.AtMost => a <= e,
                SegmentOperator.In or SegmentOperator.NotIn => false,
            };
        }
        var comparer = field.Type == SegmentValueType.Text ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        return c.Operator switch
        {
            SegmentOperator.Equals => comparer.Equals(actual, c.Values[0]),
            SegmentOperator.NotEquals => !comparer.Equals(actual, c.Values[0]),
            SegmentOperator.In => c.Values.Contains(actual, comparer),
            SegmentOperator.NotIn => !c.Values.Contains(actual, comparer),
            SegmentOperator.GreaterThan or SegmentOperator.AtLeast or SegmentOperator.LessThan or SegmentOperator.AtMost => false,
        };
    }
}
