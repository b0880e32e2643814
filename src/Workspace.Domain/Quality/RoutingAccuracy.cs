namespace Workspace.Domain.Quality;

/// <summary>Routing accuracy per rule, shown on the rules page so a lead sees which rules send conversations astray.</summary>
public static class RoutingAccuracy
{
    public const string Definition =
        "Share of the conversations a rule routed that were neither flagged as wrong routing by a reviewer nor moved afterwards (transferred, escalated or returned to the queue).";

    /// <param name="conversations">One row per conversation, with the rule that routed it.</param>
    /// <param name="rules">The current rules in their order, so a rule that routed nothing still gets a line; rules only seen in the rows follow.</param>
    public static IReadOnlyList<RuleAccuracy> PerRule(
        IEnumerable<(string RuleId, string RuleName, bool FlaggedWrongRouting, bool Reassigned)> conversations,
        IEnumerable<(string Id, string Name)>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var order = new List<string>();
        Tally TallyOf(string id, string name)
        {
            if (!tallies.TryGetValue(id, out var tally))
            {
                tally = new Tally(name);
                tallies[id] = tally;
                order.Add(id);
            }
            return tally;
        }
        foreach (var (id, name) in rules ?? [])
        {
            TallyOf(id, name);
        }
        foreach (var row in conversations)
        {
            var tally = TallyOf(row.RuleId, row.RuleName);
            tally.Conversations++;
            tally.Flagged += row.FlaggedWrongRouting ? 1 : 0;
            tally.Reassigned += row.Reassigned ? 1 : 0;
            tally.Accurate += row.FlaggedWrongRouting || row.Reassigned ? 0 : 1;
        }
        return order.Select(id =>
        {
            var t = tallies[id];
            return t.Conversations == 0
                ? new RuleAccuracy(id, t.Name, 0, 0, 0, 0, null, "This rule routed no conversations in the period.")
                : new RuleAccuracy(id, t.Name, t.Conversations, t.Flagged, t.Reassigned, t.Accurate, (double)t.Accurate / t.Conversations,
                    $"{t.Accurate} of {t.Conversations} conversations neither flagged as wrong routing nor reassigned ({t.Flagged} flagged, {t.Reassigned} reassigned).");
        }).ToList();
    }

    private sealed class Tally(string name)
    {
        public string Name { get; } = name;
        public int Conversations { get; set; }
        public int Flagged { get; set; }
        public int Reassigned { get; set; }
        public int Accurate { get; set; }
    }
}
