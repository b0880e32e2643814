using Microsoft.AspNetCore.Authorization;
using Workspace.Data.Audit;
using Workspace.Data.Quality;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Qa.Export;

namespace Workspace.Web.Features.Qa.Transcript;

public static class QaTranscriptModule
{
    public const string ExportPath = "/qa/conversations/{id:long}/transcript.csv";

    public static string ExportPathOf(long conversationId) => $"/qa/conversations/{conversationId}/transcript.csv";

    public static IServiceCollection AddWorkspaceQaTranscript(this IServiceCollection services)
    {
        services.AddSingleton<TranscriptQueries>();
        services.AddSingleton<TranscriptService>();
        return services;
    }

    public static WebApplication MapWorkspaceQaTranscript(this WebApplication app)
    {
        // Signed-in staff reach the handler, which answers a role without the Review policy with 403 (and audits it)
        // instead of the cookie scheme's redirect: a download link has no page to land on.
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(long id, HttpContext http, IAuthorizationService authorization,
        TranscriptService transcripts, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(http.User, Policies.Review)).Succeeded)
        {
            await audit.AppendAsync(http.User.Actor(), "access.refused", $"conversation:{id}", new { action = TranscriptService.ExportedAction, policy = Policies.Review },
                clock.GetUtcNow(), ct);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Export refused",
                detail: "Exporting transcripts is for QA reviewers, leads and admins.");
        }
        var result = await transcripts.ExportAsync(http.User, id, ct);
        return result.Transcript is { } transcript
            ? CsvExport.File(TranscriptCsv.FileName(id), transcript.Entries, TranscriptCsv.Columns)
            : Results.Problem(statusCode: result.Refusal == TranscriptRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden,
                title: "No transcript", detail: result.Message);
    }
}
