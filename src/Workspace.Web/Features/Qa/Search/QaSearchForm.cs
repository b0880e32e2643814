using Microsoft.Extensions.Primitives;

namespace Workspace.Web.Features.Qa.Search;

/// <summary>
/// The filter form as the reviewer fills it in: plain text per field, turned into a <see cref="QaQuery"/> by the
/// same parser the URL goes through, so the form and a shared link can never disagree about what a value means.
/// </summary>
public sealed class QaSearchForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Team { get; set; }
    public string? Agent { get; set; }
    public string? Tier { get; set; }
    public string? Stage { get; set; }
    public string? Status { get; set; }
    public string? Csat { get; set; }
    public string? CsatMax { get; set; }
    public string? Priority { get; set; }
    public string? Sla { get; set; }
    public string? Template { get; set; }
    public string? TemplateVersion { get; set; }
    public string? Rule { get; set; }
    public string? Reassigned { get; set; }
    public string? Review { get; set; }
    public string? Text { get; set; }
    public string? Sort { get; set; }
    public string? Size { get; set; }

    public static QaSearchForm Of(QaQuery query)
    {
        var p = query.ToParameters();
        string? Get(string name) => p.TryGetValue(name, out var v) ? v : null;
        return new QaSearchForm
        {
            From = Get("from"),
            To = Get("to"),
            Team = Get("team"),
            Agent = Get("agent"),
            Tier = Get("tier"),
            Stage = Get("stage"),
            Status = Get("status"),
            Csat = Get("csat"),
            CsatMax = Get("csatMax"),
            Priority = Get("priority"),
            Sla = Get("sla"),
            Template = Get("template"),
            TemplateVersion = Get("templateVersion"),
            Rule = Get("rule"),
            Reassigned = Get("reassigned"),
            Review = Get("review"),
            Text = Get("q"),
            Sort = Get("sort"),
            Size = Get("size"),
        };
    }

    /// <summary>The form as URL parameters; a new search always starts at its first page.</summary>
    public IEnumerable<KeyValuePair<string, StringValues>> ToParameters() =>
        new (string Name, string? Value)[]
        {
            ("from", From), ("to", To), ("team", Team), ("agent", Agent), ("tier", Tier), ("stage", Stage), ("status", Status),
            ("csat", Csat), ("csatMax", CsatMax), ("priority", Priority), ("sla", Sla), ("template", Template),
            ("templateVersion", string.IsNullOrEmpty(Template) ? null : TemplateVersion), ("rule", Rule), ("reassigned", Reassigned), ("review", Review),
            ("q", Text), ("sort", Sort), ("size", Size),
        }
        .Where(p => !string.IsNullOrWhiteSpace(p.Value))
        .Select(p => new KeyValuePair<string, StringValues>(p.Name, p.Value!.Trim()));
}
