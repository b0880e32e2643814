using Microsoft.AspNetCore.WebUtilities;
using Workspace.Data.Audit;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Qa.Export;
using Workspace.Web.Features.Qa.Search;

namespace Workspace.Web.Features.Qa;

public static class QaModule
{
    public const string SearchExportPath = "/qa/export.csv";
    public const string SearchExportedAction = "qa.search.exported";

    public static IServiceCollection AddWorkspaceQa(this IServiceCollection services)
    {
        services.AddSingleton<QaSearchService>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkspaceQa(this IEndpointRouteBuilder endpoints)
    {
        // Signed-in staff reach the handler; ExportAccess answers the other roles.
        endpoints.MapGet(SearchExportPath, ExportSearchAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExportSearchAsync(HttpContext http, QaSearchService search, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await ExportAccess.RefusalAsync(http, SearchExportPath, SearchExportedAction,
                "Exporting conversation searches is for QA reviewers, leads and admins.", ct) is { } refused)
        {
            return refused;
        }
        var (query, errors) = QaQuery.Parse(QueryHelpers.ParseQuery(http.Request.QueryString.Value));
        if (!errors.IsEmpty)
        {
            // An export that quietly dropped a filter would hand over more conversations than the reviewer asked for.
            return Results.ValidationProblem(errors.ToDictionary(), title: "The search cannot be exported as it stands");
        }
        var rows = new List<Data.Quality.QaSearchRow>();
        await foreach (var row in search.ExportRowsAsync(http.User, query, ct))
        {
            rows.Add(row);
        }
        var now = clock.GetUtcNow();
        await audit.AppendAsync(http.User.Actor(), SearchExportedAction, SearchExportPath + query.ToQueryString(),
            new { rows = rows.Count, capped = rows.Count >= QaSearchService.MaxExportRows }, now, ct);
        return CsvExport.File(QaSearchCsv.FileName(now), rows, QaSearchCsv.Columns);
    }
}
