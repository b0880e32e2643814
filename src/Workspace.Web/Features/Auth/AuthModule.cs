using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Workspace.Data.Audit;
using Workspace.Data.Staff;

namespace Workspace.Web.Features.Auth;

public static class AuthModule
{
    public static IServiceCollection AddWorkspaceAuth(this IServiceCollection services)
    {
        services.AddAuthentication(StaffAuth.Scheme)
            .AddCookie(StaffAuth.Scheme, options =>
            {
                options.Cookie.Name = "workspace.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/access-denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
                // A hub client cannot follow a redirect to a page: it gets the status and, for a raw caller, the reason.
                var toLogin = options.Events.OnRedirectToLogin;
                options.Events.OnRedirectToLogin = context => IsHub(context.Request)
                    ? RefuseHubAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in as staff before connecting to a staff hub.")
                    : toLogin(context);
                var toAccessDenied = options.Events.OnRedirectToAccessDenied;
                options.Events.OnRedirectToAccessDenied = context => IsHub(context.Request)
                    ? RefuseHubRoleAsync(context.HttpContext)
                    : toAccessDenied(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Configure);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
        services.AddSingleton<SignInService>();
        services.AddScoped<PageAuthorizer>();
        return services;
    }

    public const string HubRoleRefusal = "Your role does not allow connecting to the staff hub: it serves agents, leads and admins who answer conversations. "
        + "QA reviewers read any conversation in the conversation view and cannot send, write notes, assign, transfer, escalate, snooze, resolve or reopen.";

    private static bool IsHub(HttpRequest request) => request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    // Like a refused page action, a refused hub connection by a signed-in user is audited.
    private static async Task RefuseHubRoleAsync(HttpContext context)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        await context.RequestServices.GetRequiredService<AuditLog>().AppendAsync(context.User.Actor(), "access.refused", context.Request.Path.Value,
            new { policy = Policies.Inbox }, clock.GetUtcNow(), CancellationToken.None);
        await RefuseHubAsync(context, StatusCodes.Status403Forbidden, "Not allowed for your role", HubRoleRefusal);
    }

    private static async Task RefuseHubAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Every request re-checks the account, so a disabled user's cookie stops working at once.</summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }
        var staff = context.HttpContext.RequestServices.GetRequiredService<StaffRepository>();
        var current = await StaffAuth.RevalidateAsync(context.Principal, staff, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffAuth.Scheme);
        }
        else if (!ReferenceEquals(current, context.Principal))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    public static IEndpointRouteBuilder MapWorkspaceAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, Workspace.Data.Teams.TeamRepository teams, TimeProvider clock) =>
        {
            // The sign-out form carries no bound form fields, so the token is checked here explicitly.
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused",
                    detail: "The sign-out form was not sent by this site. Use the Sign out button.");
            }
            // An agent who signs out is no longer there to take conversations.
            if (context.User.UserId() is { } userId)
            {
                await teams.SetPresenceAsync(userId, Domain.Staff.Presence.Offline, clock.GetUtcNow(), CancellationToken.None);
            }
            await context.SignOutAsync(StaffAuth.Scheme);
            return Results.LocalRedirect("/login");
        }).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return endpoints;
    }
}
