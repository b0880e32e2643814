using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Workspace.Data.Quality;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Metrics;

/// <summary>Loads the dashboard for a view: its period resolved against today's date, then the report's one query.</summary>
public sealed class MetricsService(MetricsQueries queries, IAuthorizationService authorization, TimeProvider clock)
{
    public const string NotAllowed = "The metrics dashboard is for team leads and admins.";

    /// <summary>The dashboard for <paramref name="view"/>, or why its period cannot be shown (or why this user may not see it).</summary>
    public async Task<(MetricsDashboard? Dashboard, string? Problem)> LoadAsync(ClaimsPrincipal user, MetricsView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        // The page is for leads only, but a role can change while it stays open.
        if (!(await authorization.AuthorizeAsync(user, Policies.Lead)).Succeeded)
        {
            return (null, NotAllowed);
        }
        var now = clock.GetUtcNow();
        if (view.Range(now, out var problem) is not { } range)
        {
            return (null, problem);
        }
        var report = await queries.ReportAsync(range.From, range.To, view.Grouping, view.Bucket, ct, now);
        return (new MetricsDashboard(report), null);
    }
}
