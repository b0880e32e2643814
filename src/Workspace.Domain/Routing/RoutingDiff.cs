namespace Workspace.Domain.Routing;

/// <summary>
/// What changed between two routing definitions, one line per change in a lead's words: rules added,
/// removed, moved, renamed, with changed conditions or actions; intent phrases and weights changed.
/// Stored with every audited change and shown beside versions.
/// </summary>
public static class RoutingDiff
{
    public static IReadOnlyList<string> Between(RoutingDefinition? before, RoutingDefinition after)
    {
        var lines = new List<string>();
        var old = before?.Rules ?? [];
        var oldById = old.Select((r, i) => (Rule: r, Index: i)).ToDictionary(x => x.Rule.Id, StringComparer.Ordinal);
        var newIds = after.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, index) in old.Select((r, i) => (r, i)).Where(x => !newIds.Contains(x.r.Id)))
        {
            lines.Add($"Removed rule {index + 1} “{rule.Name}”.");
        }
        // Moves are reported by relative order among rules present in both, so one insertion does not report every later rule as moved.
        var keptOld = old.Where(r => newIds.Contains(r.Id)).Select(r => r.Id).ToList();
        var keptNew = after.Rules.Where(r => oldById.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        for (var i = 0; i < after.Rules.Count; i++)
        {
            var rule = after.Rules[i];
            if (!oldById.TryGetValue(rule.Id, out var was))
            {
                lines.Add($"Added rule {i + 1} “{rule.Name}”: when {RuleText.Describe(rule)} → {RuleText.Describe(rule.Actions)}.");
                continue;
            }
            var name = $"Rule “{rule.Name}”";
            if (keptOld.IndexOf(rule.Id) != keptNew.IndexOf(rule.Id))
            {
                lines.Add($"{name} moved from position {was.Index + 1} to {i + 1}.");
            }
            if (was.Rule.Name != rule.Name)
            {
                lines.Add($"Rule “{was.Rule.Name}” renamed to “{rule.Name}”.");
            }
            var oldWhen = RuleText.Describe(was.Rule);
            var newWhen = RuleText.Describe(rule);
            if (oldWhen != newWhen)
            {
                lines.Add($"{name} conditions: {oldWhen} → {newWhen}.");
            }
            var oldDo = RuleText.Describe(was.Rule.Actions);
            var newDo = RuleText.Describe(rule.Actions);
            if (oldDo != newDo)
            {
                lines.Add($"{name} actions: {oldDo} → {newDo}.");
            }
        }
        // A first version's phrases are the starting lists, not changes.
        foreach (var intent in before is null ? [] : Enum.GetValues<Intent>())
        {
            var was = (before?.IntentPhrases.TryGetValue(intent, out var o) == true ? o : []).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var now = (after.IntentPhrases.TryGetValue(intent, out var n) ? n : []).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var added = now.Except(was, StringComparer.OrdinalIgnoreCase).ToList();
            var removed = was.Except(now, StringComparer.OrdinalIgnoreCase).ToList();
            if (added.Count > 0)
            {
                lines.Add($"{intent} phrases added: {string.Join(", ", added.Select(p => $"“{p}”"))}.");
            }
            if (removed.Count > 0)
            {
                lines.Add($"{intent} phrases removed: {string.Join(", ", removed.Select(p => $"“{p}”"))}.");
            }
        }
        var oldWeights = before is null ? [] : RoutingDefinition.WeightsOf(before.Weights).ToDictionary(w => w.Name, w => w.Value);
        foreach (var (weight, value) in RoutingDefinition.WeightsOf(after.Weights))
        {
            if (oldWeights.TryGetValue(weight, out var was) && was != value)
            {
                lines.Add($"Complexity weight {weight}: {was} → {value}.");
            }
        }
        return lines;
    }
}
