using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Workspace.Data.Staff;

namespace Workspace.Web.Features.Auth;

/// <summary>
/// Re-reads the signed-in account every <see cref="RevalidationInterval"/> for as long as a Blazor
/// circuit lives, so a disabled account loses access and changed roles apply within seconds without
/// waiting for the next page load.
/// </summary>
public sealed partial class StaffAuthenticationStateProvider(IServiceScopeFactory scopes, ILoggerFactory loggers)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<StaffAuthenticationStateProvider>();

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(15);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffRepository>();
        var current = await StaffAuth.RevalidateAsync(authenticationState.User, staff, cancellationToken);
        if (current is null)
        {
            var actor = authenticationState.User.Actor();
            LogSignedOut(_logger, actor);
            return false;
        }
        if (!ReferenceEquals(current, authenticationState.User))
        {
            // Roles changed: swap in the new principal instead of signing the user out.
            SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed {User} out of an open session: account disabled or removed")]
    private static partial void LogSignedOut(ILogger logger, string user);

    /// <summary>The current user, for handlers that must re-check authorization before acting.</summary>
    public async Task<ClaimsPrincipal> CurrentUserAsync() => (await GetAuthenticationStateAsync()).User;
}
