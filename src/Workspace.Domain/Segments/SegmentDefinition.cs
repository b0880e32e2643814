using System.Globalization;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Segments;

/// <summary>A condition as written: a field, an operator and one value (several for in / not in).</summary>
public sealed record SegmentCondition(string Field, SegmentOperator Operator, IReadOnlyList<string> Values);

/// <summary>
/// A named, dynamic group of customers: conditions over signals, all or any of which must hold.
/// Evaluated live against a customer's current signals, never stored as a list of members.
/// </summary>
public sealed record SegmentDefinition(bool MatchAll, IReadOnlyList<SegmentCondition> Conditions)
{
    public const int MaxConditions = 20;

    /// <summary>Checks fields, operators and value types; each error names the condition it is about.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Conditions.Count == 0)
        {
            errors.Add("conditions", "Add at least one condition.");
        }
        if (Conditions.Count > MaxConditions)
        {
            errors.Add("conditions", $"A segment has at most {MaxConditions} conditions.");
        }
        for (var i = 0; i < Conditions.Count; i++)
        {
            var c = Conditions[i];
            var at = $"conditions[{i}]";
            if (SegmentField.Find(c.Field) is not { } field)
            {
                errors.Add($"{at}.field", $"Unknown field '{c.Field}'. Known: {string.Join(", ", SegmentField.All.Select(f => f.Key))}.");
                continue;
            }
            if (!field.Operators.Contains(c.Operator))
            {
                errors.Add($"{at}.operator", $"'{c.Operator}' does not apply to {field.Label}; use {string.Join(", ", field.Operators)}.");
                continue;
            }
            var many = c.Operator is SegmentOperator.In or SegmentOperator.NotIn;
            var values = c.Values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            if (values.Count == 0 || (!many && values.Count > 1))
            {
                errors.Add($"{at}.values", many ? "Give one or more values." : "Give exactly one value.");
                continue;
            }
            foreach (var value in values)
            {
                var problem = field.Type switch
                {
                    SegmentValueType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a number.",
                    SegmentValueType.Boolean => value is "true" or "false" ? null : $"'{value}' must be true or false.",
                    SegmentValueType.Choice => field.Choices.Contains(value, StringComparer.Ordinal) ? null : $"'{value}' is not one of {string.Join(", ", field.Choices)}.",
                    SegmentValueType.Text => value.Length <= 100 ? null : "A value is at most 100 characters.",
                };
                if (problem is not null)
                {
                    errors.Add($"{at}.values", problem);
                }
            }
        }
        return errors;
    }

    /// <summary>A one-line reading of the definition, for lists and audit entries.</summary>
    public string Describe() =>
        string.Join(MatchAll ? " and " : " or ", Conditions.Select(c =>
            $"{SegmentField.Find(c.Field)?.Label ?? c.Field} {Words(c.Operator)} {string.Join(", ", c.Values)}"));

    internal static string Words(SegmentOperator op) => op switch
    {
        SegmentOperator.Equals => "is",
        SegmentOperator.NotEquals => "is not",
        SegmentOperator.In => "is one of",
        SegmentOperator.NotIn => "is none of",
        SegmentOperator.GreaterThan => "is more than",
        SegmentOperator.AtLeast => "is at least",
        SegmentOperator.LessThan => "is less than",
        SegmentOperator.AtMost => "is at most",
    };
}
