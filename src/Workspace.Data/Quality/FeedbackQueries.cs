using Dapper;
using Workspace.Data.Database;
using Workspace.Data.Routing;
using Workspace.Data.Templates;
using Workspace.Domain.Quality;

namespace Workspace.Data.Quality;

/// <summary>
/// What reviews feed back to the leads: routing accuracy per rule (shown on the rules page) and edit rate and misfit
/// flags per template version (shown on the templates page). The SQL counts; the definitions are the domain's.
/// </summary>
public sealed class FeedbackQueries(Db db, RoutingRepository routing, TemplateRepository templates)
{
    // Counted per (rule, flagged, reassigned) so a long period costs one grouped scan of the decisions, not a row per
    // conversation; the flags are computed in the inner query because T-SQL cannot group by a subquery.
    private const string RuleRowsSql = """
        SELECT rule_id, rule_name, flagged, reassigned, COUNT(*) AS conversations
        FROM (SELECT d.rule_id, d.rule_name,
                     CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.conversation_id = d.conversation_id AND r.wrong_routing_team_id IS NOT NULL)
                          THEN 1 ELSE 0 END AS flagged,
                     CASE WHEN c.reassignments > 0 THEN 1 ELSE 0 END AS reassigned
              FROM routing_decisions d
              JOIN conversations c ON c.id = d.conversation_id
              WHERE d.decided_at >= @From AND d.decided_at < @To) routed
        GROUP BY rule_id, rule_name, flagged, reassigned
        """;

    /// <summary>
    /// Per rule, of the conversations routed in [<paramref name="from"/>, <paramref name="to"/>): how many any review
    /// flagged as wrong routing, how many were reassigned, and the share with neither. The live ruleset's rules come
    /// first in their order (with a line even when they routed nothing), then rules of older versions seen in the period.
    /// </summary>
    public async Task<IReadOnlyList<RuleAccuracy>> RuleAccuracyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var live = await routing.ActiveAsync(ct);
        var rows = await db.ReadAsync(c => c.QueryAsync<RuleRow>(new CommandDefinition(RuleRowsSql,
            new { From = UnixTime.ToMs(from), To = UnixTime.ToMs(to) }, cancellationToken: ct)), ct);
        var conversations = rows
            .OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.RuleName, StringComparer.Ordinal)
            .SelectMany(r => Enumerable.Repeat((r.RuleId, r.RuleName, r.Flagged, r.Reassigned), r.Conversations));
        return RoutingAccuracy.PerRule(conversations, live?.Definition.Rules.Select(r => (r.Id, r.Name)));
    }

    private const string TemplateRowsSql = """
        SELECT m.template_key, m.template_version, m.edited, COUNT(*) AS uses
        FROM messages m
        WHERE m.template_key IS NOT NULL AND m.template_version IS NOT NULL AND m.author_kind = 'Agent'
          AND m.created_at >= @From AND m.created_at < @To
          AND (@Key IS NULL OR m.template_key = @Key)
        GROUP BY m.template_key, m.template_version, m.edited
        """;

    // Flags are counted once per review and by when the review was saved: a version flagged today on a reply sent
    // last month is feedback the lead should see now, and a version sent twice in one flagged conversation is one flag.
    private const string MisfitRowsSql = """
        SELECT f.template_key, f.template_version, COUNT(*) AS flags
        FROM review_template_misfits f
        JOIN reviews r ON r.id = f.review_id
        WHERE r.updated_at >= @From AND r.updated_at < @To
          AND (@Key IS NULL OR f.template_key = @Key)
        GROUP BY f.template_key, f.template_version
        """;

    /// <summary>
    /// Per template version: the agent messages sent from it in [<paramref name="from"/>, <paramref name="to"/>), how
    /// many the agent edited first, and the reviews saved in the period that flagged it as a misfit (on an agent's or
    /// an automation's send). Live versions are listed even when unused. <paramref name="templateKey"/> limits it to one template.
    /// </summary>
    public async Task<IReadOnlyList<TemplateVersionFeedback>> TemplateFeedbackAsync(DateTimeOffset from, DateTimeOffset to, string? templateKey, CancellationToken ct)
    {
        var library = await templates.LibraryAsync(ct);
        var parameters = new { From = UnixTime.ToMs(from), To = UnixTime.ToMs(to), Key = templateKey };
        var (rows, flags) = await db.ReadAsync(async c => (
            (await c.QueryAsync<TemplateRow>(new CommandDefinition(TemplateRowsSql, parameters, cancellationToken: ct))).ToList(),
            (await c.QueryAsync<MisfitRow>(new CommandDefinition(MisfitRowsSql, parameters, cancellationToken: ct))).ToList()), ct);
        var uses = rows.SelectMany(r => Enumerable.Repeat((r.TemplateKey, r.TemplateVersion, r.Edited), r.Uses));
        var misfits = flags.SelectMany(f => Enumerable.Repeat((f.TemplateKey, f.TemplateVersion), f.Flags));
        var live = library.Templates
            .Where(t => templateKey is null || string.Equals(t.Definition.Key, templateKey, StringComparison.Ordinal))
            .Select(t => (t.Definition.Key, t.Version));
        return TemplateFeedback.PerVersion(uses, misfits, live);
    }

    private sealed class RuleRow
    {
        public string RuleId { get; init; } = "";
        public string RuleName { get; init; } = "";
        public bool Flagged { get; init; }
        public bool Reassigned { get; init; }
        public int Conversations { get; init; }
    }

    private sealed class TemplateRow
    {
        public string TemplateKey { get; init; } = "";
        public int TemplateVersion { get; init; }
        public bool Edited { get; init; }
        public int Uses { get; init; }
    }

    private sealed class MisfitRow
    {
        public string TemplateKey { get; init; } = "";
        public int TemplateVersion { get; init; }
        public int Flags { get; init; }
    }
}
