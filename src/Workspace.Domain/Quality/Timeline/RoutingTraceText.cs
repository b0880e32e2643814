using System.Globalization;
using Workspace.Domain.Privacy;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// The facts "Why here?" shows about a routing decision, as labelled lines for the transcript export and
/// the timeline: the matched rule and what it set, each condition with its actual value, the rules passed
/// over, the assignment attempt with every candidate, how the message was read and the signals at routing
/// time. ARR and the value score, and whether a condition on them held, follow the viewer's policy.
/// </summary>
public static class RoutingTraceText
{
    public static IReadOnlyList<TimelineDetail> Details(ConversationRouting r, TimelineViewer viewer)
    {
        var d = r.Decision;
        var (first, resolution) = SlaTargets.Of(d);
        bool Masked(ConditionTrace c) => c.Field is "arr" or "valueScore" && !viewer.SeesMoney;
        string Actual(ConditionTrace c) => Masked(c) ? FieldPolicy.Mask : c.Actual;
        string Held(ConditionTrace c) => Masked(c) ? "hidden" : c.Held ? "yes" : "no";
        string Describe(ConditionTrace c) => RuleText.Describe(new RuleCondition(c.Field, c.Operator, c.Expected.Split(", ")));

        var details = new List<TimelineDetail>
        {
            new("Rule", $"“{d.MatchedRuleName}” of ruleset version {d.RulesetVersion}, " +
                (d.SkippedRules.Count == 0 ? "the first rule" : $"after {d.SkippedRules.Count} rule(s) did not match")),
            new("Outcome", $"{r.Team ?? "no team"}, {d.Priority}, first response within {RuleText.Minutes(first)}, resolution within {RuleText.Minutes(resolution)}"
                + (d.RequiredSkills.Count > 0 ? $", requires {string.Join(", ", d.RequiredSkills)}" : "")
                + (d.ReplyTemplate is { } auto ? $", automated reply with template “{auto}”" : "")),
        };
        if (d.Conditions.Count == 0)
        {
            details.Add(new("Condition", "The default rule: it always matches."));
        }
        details.AddRange(d.Conditions.Select(c => new TimelineDetail("Condition", $"{Describe(c)}: actual {Actual(c)}, held {Held(c)}")));
        details.AddRange(d.SkippedRules.Select(s => new TimelineDetail("Passed over",
            $"“{s.Name}”: {Describe(s.FailedCondition)} (actual {Actual(s.FailedCondition)}, held {Held(s.FailedCondition)})")));
        if (r.Assignment is { } a)
        {
            details.Add(new("Assignment", $"{a.Summary} ({a.How}, {a.At.ToUniversalTime():yyyy-MM-dd HH:mm} UTC)"));
            details.AddRange(a.Candidates.Select(c => new TimelineDetail("Candidate", $"{c.Name}: {(c.Chosen ? "chosen" : "not chosen")}, {c.Reason}")));
        }
        details.Add(new("Intent", r.Intent.Reason));
        details.Add(new("Complexity", r.Complexity.Reason));
        details.AddRange(Signals(r.Snapshot, viewer).Select(s => new TimelineDetail("Signal", $"{s.Label}: {s.Value}")));
        return details;
    }

    /// <summary>The signals routing saw, labelled as "Why here?" labels them.</summary>
    public static IReadOnlyList<(string Label, string Value)> Signals(RoutingSignals s, TimelineViewer viewer) =>
    [
        ("Tier", s.Tier.ToString()),
        ("Value score", viewer.SeesMoney ? s.ValueScore.ToString(CultureInfo.InvariantCulture) : FieldPolicy.Mask),
        ("ARR", viewer.SeesMoney ? s.Arr.ToString("N0", CultureInfo.InvariantCulture) : FieldPolicy.Mask),
        ("Lifecycle stage", s.LifecycleStage?.ToString() ?? "none (anonymous visitor)"),
        ("At risk", s.AtRisk ? "yes" : "no"),
        ("Channel", s.Channel.ToString()),
        ("Repeat contact", s.RepeatContact ? "yes" : "no"),
        ("Open issues", s.OpenIssues.ToString(CultureInfo.InvariantCulture)),
        ("Last CSAT", s.LastCsat?.ToString(CultureInfo.InvariantCulture) ?? "none"),
        ("Segments", s.Segments.Count == 0 ? "none" : string.Join(", ", s.Segments)),
        ("Language", s.Language ?? "unknown"),
        ("Within business hours", s.BusinessHours ? "yes" : "no"),
        ("Integrations in use", s.IntegrationsInUse.ToString(CultureInfo.InvariantCulture)),
        ("Earlier escalations", s.PriorEscalations.ToString(CultureInfo.InvariantCulture)),
    ];
}
