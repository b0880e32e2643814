using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Templates;

/// <summary>A template suggested for a conversation, with its score and the reasons it ranks there.</summary>
public sealed record TemplateSuggestion(TemplateDefinition Template, int Version, int Score, IReadOnlyList<string> Reasons)
{
    public string Reason => Reasons.Count == 0 ? "general purpose" : string.Join("; ", Reasons);
}

/// <summary>
/// Ranks published templates for one conversation: the detected intent counts most, then the
/// customer's lifecycle stage, then each segment they are in that the template targets. A template
/// for another channel is left out. Ties go to the name, so the order is stable.
/// </summary>
public static class TemplateSuggestions
{
    public const int IntentPoints = 3;
    public const int StagePoints = 2;
    public const int SegmentPoints = 2;

    public static IReadOnlyList<TemplateSuggestion> Rank(IEnumerable<(TemplateDefinition Template, int Version)> templates, Intent? intent,
        LifecycleStage? stage, IReadOnlyCollection<string> segments, string? channel, int take = 5)
    {
        var ranked = new List<TemplateSuggestion>();
        foreach (var (t, version) in templates)
        {
            if (t.Channel is { } only && channel is not null && !string.Equals(only, channel, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var reasons = new List<string>();
            var score = 0;
            if (intent is { } i && t.Intents.Contains(i))
            {
                score += IntentPoints;
                reasons.Add($"intent {i}");
            }
            if (stage is { } s && t.Stages.Contains(s))
            {
                score += StagePoints;
                reasons.Add($"customer in {s}");
            }
            foreach (var segment in t.SegmentKeys.Where(k => segments.Contains(k)))
            {
                score += SegmentPoints;
                reasons.Add($"segment {segment}");
            }
            ranked.Add(new TemplateSuggestion(t, version, score, reasons));
        }
        return ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Template.Name, StringComparer.Ordinal).Take(take).ToList();
    }
}
