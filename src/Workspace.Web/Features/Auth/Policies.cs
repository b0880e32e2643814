using Microsoft.AspNetCore.Authorization;
using Workspace.Domain.Staff;

namespace Workspace.Web.Features.Auth;

/// <summary>Named authorization policies; every page and endpoint names one of these.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member, whatever the role.</summary>
    public const string Staff = "Staff";

    public const string Admin = "Admin";

    /// <summary>Team leads and admins: the people who shape segments, routing and templates.</summary>
    public const string Lead = "Lead";

    /// <summary>Staff who answer or supervise live conversations: agents, leads, admins (QA reviews elsewhere, read-only).</summary>
    public const string Inbox = "Inbox";

    /// <summary>QA reviewers, leads and admins: the people who review conversations and score them.</summary>
    public const string Review = "Review";

    /// <summary>REST API callers holding a valid API key.</summary>
    public const string ApiKey = "ApiKey";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddAuthenticationSchemes(StaffAuth.Scheme)
            .RequireRole(Enum.GetNames<Role>()));
        options.AddPolicy(Inbox, p => p.RequireAuthenticatedUser().AddAuthenticationSchemes(StaffAuth.Scheme)
            .RequireRole(nameof(Role.Agent), nameof(Role.Lead), nameof(Role.Admin)));
        options.AddPolicy(Lead, p => p.RequireAuthenticatedUser().AddAuthenticationSchemes(StaffAuth.Scheme)
            .RequireRole(nameof(Role.Lead), nameof(Role.Admin)));
        options.AddPolicy(Review, p => p.RequireAuthenticatedUser().AddAuthenticationSchemes(StaffAuth.Scheme)
            .RequireRole(nameof(Role.QA), nameof(Role.Lead), nameof(Role.Admin)));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddAuthenticationSchemes(StaffAuth.Scheme)
            .RequireRole(nameof(Role.Admin)));
        options.AddPolicy(ApiKey, p => p.RequireAuthenticatedUser().AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName));
        // Anything that forgets to declare a policy is closed to anonymous callers rather than open.
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}
