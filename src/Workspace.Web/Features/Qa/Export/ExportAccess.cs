using Microsoft.AspNetCore.Authorization;
using Workspace.Data.Audit;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Qa.Export;

/// <summary>
/// The gate of every QA download. Export endpoints let any signed-in staff member reach the handler, which answers a
/// role without the Review policy with 403 and the reason (audited) instead of the cookie scheme's redirect: a
/// download link has no page to land on.
/// </summary>
public static class ExportAccess
{
    /// <summary>Null when the caller may export; otherwise the 403 to return, the refusal audited against <paramref name="target"/>.</summary>
    public static async Task<IResult?> RefusalAsync(HttpContext http, string target, string action, string detail, CancellationToken ct)
    {
        var services = http.RequestServices;
        if ((await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, Policies.Review)).Succeeded)
        {
            return null;
        }
        await services.GetRequiredService<AuditLog>().AppendAsync(http.User.Actor(), "access.refused", target, new { action, policy = Policies.Review },
            services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Export refused", detail: detail);
    }
}
