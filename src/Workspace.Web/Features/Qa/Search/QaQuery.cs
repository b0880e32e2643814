using System.Globalization;
using Microsoft.Extensions.Primitives;
using Workspace.Data.Quality;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Validation;

namespace Workspace.Web.Features.Qa.Search;

/// <summary>
/// A QA search as it travels in the URL, so a search can be bookmarked and shared: every filter, the sort and the
/// page. Dates are whole UTC days and both ends are included (<c>to=2026-11-25</c> takes in all of the 25th).
/// </summary>
public sealed record QaQuery
{
    public const int DefaultPageSize = 25;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
    public const int MaxTextLength = 200;

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public long? TeamId { get; init; }
    public long? AgentId { get; init; }
    public Tier? Tier { get; init; }
    public LifecycleStage? Stage { get; init; }
    public ConversationStatus? Status { get; init; }
    public int? Csat { get; init; }
    public int? CsatAtMost { get; init; }
    public Priority? Priority { get; init; }
    public bool? SlaMet { get; init; }
    public string? TemplateKey { get; init; }
    public int? TemplateVersion { get; init; }
    public string? RuleId { get; init; }
    public bool? Reassigned { get; init; }
    public QaReviewFilter? Review { get; init; }
    public string? Text { get; init; }
    public QaSort Sort { get; init; } = QaSort.Newest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public int Skip => (Page - 1) * PageSize;

    public QaSearchFilter ToFilter() => new()
    {
        From = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        TeamId = TeamId,
        AssigneeId = AgentId,
        Tier = Tier,
        LifecycleStage = Stage,
        Status = Status,
        Csat = Csat,
        CsatAtMost = CsatAtMost,
        Priority = Priority,
        SlaMet = SlaMet,
        TemplateKey = TemplateKey,
        TemplateVersion = TemplateVersion,
        RuleId = RuleId,
        Reassigned = Reassigned,
        Review = Review,
        Text = Text,
    };

    /// <summary>The query string parameters, only those that differ from an empty search (so shared links stay short).</summary>
    public IReadOnlyDictionary<string, string> ToParameters()
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                p[name] = value;
            }
        }
        Put("from", From?.ToString(DateFormat, CultureInfo.InvariantCulture));
        Put("to", To?.ToString(DateFormat, CultureInfo.InvariantCulture));
        Put("team", TeamId?.ToString(CultureInfo.InvariantCulture));
        Put("agent", AgentId?.ToString(CultureInfo.InvariantCulture));
        Put("tier", Tier?.ToString());
        Put("stage", Stage?.ToString());
        Put("status", Status?.ToString());
        Put("csat", Csat?.ToString(CultureInfo.InvariantCulture));
        Put("csatMax", CsatAtMost?.ToString(CultureInfo.InvariantCulture));
        Put("priority", Priority?.ToString());
        Put("sla", SlaMet switch { true => "met", false => "missed", null => null });
        Put("template", TemplateKey);
        Put("templateVersion", TemplateVersion?.ToString(CultureInfo.InvariantCulture));
        Put("rule", RuleId);
        Put("reassigned", Reassigned switch { true => "yes", false => "no", null => null });
        Put("review", Review is { } review ? ReviewNames[review] : null);
        Put("q", Text);
        Put("sort", Sort == QaSort.Newest ? null : SortNames[Sort]);
        Put("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        Put("size", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        return p;
    }

    /// <summary>"?from=…&amp;q=…", or "" for an empty search.</summary>
    public string ToQueryString() =>
        ToParameters() is { Count: > 0 } p
            ? "?" + string.Join("&", p.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"))
            : "";

    /// <summary>
    /// Reads a search from URL parameters. Every parameter that cannot be understood is named in the errors and left
    /// out of the query, so a mistyped link still shows what it can and says what it ignored.
    /// </summary>
    public static (QaQuery Query, ValidationErrors Errors) Parse(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var errors = new ValidationErrors();
        var values = parameters
            .Where(kv => !StringValues.IsNullOrEmpty(kv.Value))
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value.ToString().Trim(), StringComparer.Ordinal);
        string? Raw(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

        DateOnly? Date(string name, string label)
        {
            if (Raw(name) is not { } raw)
            {
                return null;
            }
            if (DateOnly.TryParseExact(raw, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            errors.Add(name, $"The {label} date '{raw}' is not a date like 2026-11-25.");
            return null;
        }
        long? Id(string name, string label)
        {
            if (Raw(name) is not { } raw)
            {
                return null;
            }
            if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }
            errors.Add(name, $"The {label} '{raw}' is not a known id.");
            return null;
        }
        T? Choice<T>(string name, string label) where T : struct, Enum
        {
            if (Raw(name) is not { } raw)
            {
                return null;
            }
            if (Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value) && !raw.All(char.IsAsciiDigit))
            {
                return value;
            }
            errors.Add(name, $"The {label} '{raw}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        }
        int? Number(string name, string label, int min, int max)
        {
            if (Raw(name) is not { } raw)
            {
                return null;
            }
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }
            errors.Add(name, $"The {label} '{raw}' must be a whole number from {min} to {max}.");
            return null;
        }
        bool? YesNo(string name, string label, string yes, string no)
        {
            if (Raw(name) is not { } raw)
            {
                return null;
            }
            if (string.Equals(raw, yes, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (string.Equals(raw, no, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            errors.Add(name, $"The {label} '{raw}' must be '{yes}' or '{no}'.");
            return null;
        }
        string? Key(string name, string label)
        {
            if (Raw(name) is not { } raw)
            {
                return null;
            }
            if (Check.IsExternalId(raw))
            {
                return raw;
            }
            errors.Add(name, $"The {label} '{Shorten(raw)}' is not a valid key.");
            return null;
        }

        var from = Date("from", "from");
        var to = Date("to", "to");
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("to", $"The period ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).");
            to = null;
        }
        var text = Raw("q");
        if (text is { Length: > MaxTextLength })
        {
            errors.Add("q", $"Search text is at most {MaxTextLength} characters (got {text.Length}).");
            text = null;
        }
        var sort = QaSort.Newest;
        if (Raw("sort") is { } sortName)
        {
            if (SortNames.FirstOrDefault(kv => string.Equals(kv.Value, sortName, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found)
            {
                sort = found.Key;
            }
            else
            {
                errors.Add("sort", $"The sort '{Shorten(sortName)}' is not one of {string.Join(", ", SortNames.Values)}.");
            }
        }
        int? size = null;
        if (Raw("size") is { } rawSize)
        {
            if (int.TryParse(rawSize, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && PageSizes.Contains(s))
            {
                size = s;
            }
            else
            {
                errors.Add("size", $"The page size '{Shorten(rawSize)}' must be one of {string.Join(", ", PageSizes)}.");
            }
        }
        var templateVersion = Number("templateVersion", "template version", 1, int.MaxValue);
        var templateKey = Key("template", "template");
        if (templateVersion is not null && templateKey is null)
        {
            errors.Add("templateVersion", "A template version needs the template it belongs to.");
            templateVersion = null;
        }
        QaReviewFilter? review = null;
        if (Raw("review") is { } reviewName)
        {
            if (ReviewNames.FirstOrDefault(kv => string.Equals(kv.Value, reviewName, StringComparison.OrdinalIgnoreCase)) is { Value: not null } found)
            {
                review = found.Key;
            }
            else
            {
                errors.Add("review", $"The review filter '{Shorten(reviewName)}' is not one of {string.Join(", ", ReviewNames.Values)}.");
            }
        }
        var query = new QaQuery
        {
            From = from,
            To = to,
            TeamId = Id("team", "team"),
            AgentId = Id("agent", "agent"),
            Tier = Choice<Tier>("tier", "tier"),
            Stage = Choice<LifecycleStage>("stage", "lifecycle stage"),
            Status = Choice<ConversationStatus>("status", "status"),
            Csat = Number("csat", "CSAT rating", 1, 5),
            CsatAtMost = Number("csatMax", "highest CSAT rating", 1, 5),
            Priority = Choice<Priority>("priority", "priority"),
            SlaMet = YesNo("sla", "SLA filter", "met", "missed"),
            TemplateKey = templateKey,
            TemplateVersion = templateVersion,
            RuleId = Key("rule", "routing rule"),
            Reassigned = YesNo("reassigned", "reassigned filter", "yes", "no"),
            Review = review,
            Text = text,
            Sort = sort,
            Page = Number("page", "page", 1, 100_000) ?? 1,
            PageSize = size ?? DefaultPageSize,
        };
        return (query, errors);
    }

    public static readonly IReadOnlyDictionary<QaSort, string> SortNames = new Dictionary<QaSort, string>
    {
        [QaSort.Newest] = "newest",
        [QaSort.Oldest] = "oldest",
        [QaSort.Priority] = "priority",
        [QaSort.Csat] = "csat",
        [QaSort.FirstResponse] = "first-response",
    };

    public static readonly IReadOnlyDictionary<QaReviewFilter, string> ReviewNames = new Dictionary<QaReviewFilter, string>
    {
        [QaReviewFilter.NotReviewed] = "not-reviewed",
        [QaReviewFilter.Reviewed] = "reviewed",
        [QaReviewFilter.FlaggedWrongRouting] = "wrong-routing",
        [QaReviewFilter.FlaggedMisfit] = "misfit",
    };

    private const string DateFormat = "yyyy-MM-dd";

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
