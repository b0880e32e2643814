using Workspace.Domain.Customers;
using Workspace.Domain.Signals;

namespace Workspace.Domain.Segments;

/// <summary>The kinds of value a segment can test.</summary>
public enum SegmentValueType
{
    Number,
    Boolean,
    Choice,
    Text,
}

/// <summary>One thing about a customer a segment can test, with its type and, for choices, the allowed values.</summary>
public sealed record SegmentField(string Key, string Label, SegmentValueType Type, IReadOnlyList<string> Choices)
{
    public static readonly IReadOnlyList<SegmentField> All =
    [
        new("tier", "Tier", SegmentValueType.Choice, Enum.GetNames<Tier>()),
        new("valueScore", "Value score (0–100)", SegmentValueType.Number, []),
        new("arr", "ARR", SegmentValueType.Number, []),
        new("lifecycleStage", "Lifecycle stage", SegmentValueType.Choice, Enum.GetNames<LifecycleStage>()),
        new("atRisk", "At risk", SegmentValueType.Boolean, []),
        new("onboardingPercent", "Onboarding progress (%)", SegmentValueType.Number, []),
        new("failedOnboardingStep", "Has a failed onboarding step", SegmentValueType.Boolean, []),
        new("activityTrend", "Activity trend", SegmentValueType.Choice, ["Sharp drop", "Declining", "Steady", "Rising", "New activity", "No activity"]),
        new("unresolvedIssues", "Unresolved issues", SegmentValueType.Number, []),
        new("repeatContact", "Repeat contact (7 days)", SegmentValueType.Boolean, []),
        new("featuresAdopted", "Features adopted", SegmentValueType.Number, []),
        new("lastCsat", "Last CSAT (1–5)", SegmentValueType.Number, []),
        new("experienceLevel", "Experience level", SegmentValueType.Choice, Enum.GetNames<ExperienceLevel>()),
        new("preferredTone", "Preferred tone", SegmentValueType.Choice, Enum.GetNames<Tone>()),
        new("plan", "Plan", SegmentValueType.Text, []),
        new("locale", "Locale", SegmentValueType.Text, []),
    ];

    public static SegmentField? Find(string? key) => All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    public IReadOnlyList<SegmentOperator> Operators => Type switch
    {
        SegmentValueType.Number => [SegmentOperator.Equals, SegmentOperator.NotEquals, SegmentOperator.GreaterThan, SegmentOperator.AtLeast, SegmentOperator.LessThan, SegmentOperator.AtMost],
        SegmentValueType.Boolean => [SegmentOperator.Equals],
        SegmentValueType.Choice or SegmentValueType.Text => [SegmentOperator.Equals, SegmentOperator.NotEquals, SegmentOperator.In, SegmentOperator.NotIn],
    };
}
