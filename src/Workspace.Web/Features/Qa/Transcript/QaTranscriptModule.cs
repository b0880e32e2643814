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
        // Signed-in staff reach the handler; ExportAccess answers the other roles.
        app.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(long id, HttpContext http, TranscriptService transcripts, CancellationToken ct)
    {
        if (await ExportAccess.RefusalAsync(http, $"conversation:{id}", TranscriptService.ExportedAction,
                "Exporting transcripts is for QA reviewers, leads and admins.", ct) is { } refused)
        {
            return refused;
        }
        var result = await transcripts.ExportAsync(http.User, id, ct);
        return result.Transcript is { } transcript
            ? CsvExport.File(TranscriptCsv.FileName(id), transcript.Entries, TranscriptCsv.Columns)
            : Results.Problem(statusCode: result.Refusal == TranscriptRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden,
                title: "No transcript", detail: result.Message);
    }
}
