using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Workspace.Data.Audit;

namespace Workspace.Web.Features.Auth;

/// <summary>
/// Re-checks a policy inside an event handler against the circuit's current user. A page's
/// [Authorize] only guards its first render; roles can change while it stays open, so every
/// action that changes data asks again, and a refusal is audited.
/// </summary>
public sealed class PageAuthorizer(AuthenticationStateProvider state, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<ClaimsPrincipal?> RequireAsync(string policy, string action)
    {
        var user = (await state.GetAuthenticationStateAsync()).User;
        var result = await authorization.AuthorizeAsync(user, policy);
        if (result.Succeeded)
        {
            return user;
        }
        await audit.AppendAsync(user.Actor(), "access.refused", action, new { policy }, clock.GetUtcNow(), CancellationToken.None);
        return null;
    }
}
