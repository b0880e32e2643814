using System.Globalization;
using Workspace.Data.Quality;
using Workspace.Web.Features.Qa.Export;

namespace Workspace.Web.Features.Qa.Search;

/// <summary>The search results as a CSV file: the columns the results table shows, with times in UTC.</summary>
public static class QaSearchCsv
{
    public static string FileName(DateTimeOffset now) => $"conversation-review-{now.UtcDateTime:yyyyMMdd-HHmm}.csv";

    public static readonly IReadOnlyList<CsvColumn<QaSearchRow>> Columns =
    [
        new("Conversation", r => r.ConversationId.ToString(CultureInfo.InvariantCulture)),
        new("Opened (UTC)", r => Time(r.CreatedAt)),
        new("Customer", r => r.CustomerName),
        new("Customer id", r => r.CustomerExternalId),
        new("Subject", r => r.Subject),
        new("Channel", r => r.Channel.ToString()),
        new("Priority", r => r.Priority.ToString()),
        new("Status", r => r.Status.ToString()),
        new("Team", r => r.TeamName),
        new("Agent", r => r.AssigneeName),
        new("First response (UTC)", r => Time(r.FirstResponseAt)),
        new("Resolved (UTC)", r => Time(r.ResolvedAt)),
        new("CSAT", r => r.Csat?.ToString(CultureInfo.InvariantCulture)),
        new("First-response SLA", r => r.SlaMet switch { true => "met", false => "missed", null => null }),
        new("Routing rule", r => r.RuleName),
        new("Reassigned", r => r.Reassigned ? "yes" : "no"),
        new("Template replies", r => r.TemplatesUsed.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string? Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
