namespace Workspace.Domain.Quality;

/// <summary>
/// Feedback per template version, shown on the templates page: a version agents keep editing, or reviewers keep
/// flagging, is one to rewrite.
/// </summary>
public static class TemplateFeedback
{
    public const string EditRateDefinition = "Share of a template version's uses that the agent edited before sending.";

    public const string MisfitDefinition =
        "Misfit flags: reviews in the period that flagged the version as a misfit for their conversation, whether an agent or an automation sent it.";

    /// <param name="uses">One row per message an agent sent from a template, with whether they edited it first.</param>
    /// <param name="misfitFlags">One row per review flagging a version as a misfit (a review flags a version at most once).</param>
    /// <param name="versions">Versions to list even when unused in the period (a newly published one).</param>
    /// <returns>Versions by template key, newest version first.</returns>
    public static IReadOnlyList<TemplateVersionFeedback> PerVersion(
        IEnumerable<(string Key, int Version, bool Edited)> uses,
        IEnumerable<(string Key, int Version)>? misfitFlags = null,
        IEnumerable<(string Key, int Version)>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var tallies = new Dictionary<(string Key, int Version), (int Uses, int Edited, int Misfits)>();
        foreach (var version in versions ?? [])
        {
            tallies.TryAdd(version, (0, 0, 0));
        }
        foreach (var use in uses)
        {
            var (n, edited, misfits) = tallies.GetValueOrDefault((use.Key, use.Version));
            tallies[(use.Key, use.Version)] = (n + 1, edited + (use.Edited ? 1 : 0), misfits);
        }
        foreach (var flag in misfitFlags ?? [])
        {
            var (n, edited, misfits) = tallies.GetValueOrDefault(flag);
            tallies[flag] = (n, edited, misfits + 1);
        }
        return tallies
            .OrderBy(t => t.Key.Key, StringComparer.Ordinal)
            .ThenByDescending(t => t.Key.Version)
            .Select(t => new TemplateVersionFeedback(t.Key.Key, t.Key.Version, t.Value.Uses, t.Value.Edited,
                t.Value.Uses == 0 ? null : (double)t.Value.Edited / t.Value.Uses, t.Value.Misfits, Reason(t.Value.Uses, t.Value.Edited, t.Value.Misfits)))
            .ToList();
    }

    private static string Reason(int uses, int edited, int misfits)
    {
        var flagged = misfits switch
        {
            0 => "never flagged as a misfit",
            1 => "flagged as a misfit once",
            _ => $"flagged as a misfit {misfits} times",
        };
        return uses == 0
            ? misfits == 0 ? "Not used in the period." : $"Not sent by an agent in the period; {flagged}."
            : $"Edited in {edited} of {uses} use{(uses == 1 ? "" : "s")}; {flagged}.";
    }
}
