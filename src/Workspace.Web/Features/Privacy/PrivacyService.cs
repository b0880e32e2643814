using System.Security.Claims;
using Workspace.Data.Audit;
using Workspace.Data.Privacy;
using Workspace.Domain.Privacy;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Privacy;

/// <summary>Applies the field policy to a viewer, and records every reveal of a masked value.</summary>
public sealed class PrivacyService(FieldPolicyRepository policies, AuditLog audit, TimeProvider clock)
{
    public async Task<ViewerPrivacy> ForAsync(ClaimsPrincipal user, CancellationToken ct) =>
        new(await policies.GetAsync(ct), RolesOf(user));

    /// <summary>Reveals one masked field of one customer to this user, if the policy lets them; audited either way.</summary>
    public async Task<bool> RevealAsync(ClaimsPrincipal user, ViewerPrivacy viewer, string customerExternalId, string field, CancellationToken ct)
    {
        // The policy is read again: it may have changed since the page opened.
        var current = await policies.GetAsync(ct);
        var allowed = current.AccessFor(field, RolesOf(user)) is FieldAccess.Revealable or FieldAccess.Visible;
        await audit.AppendAsync(user.Actor(), allowed ? "sensitive.revealed" : "access.refused", $"customer:{customerExternalId}",
            new { field, classification = current.ClassOf(field).ToString() }, clock.GetUtcNow(), ct);
        if (allowed)
        {
            viewer.MarkRevealed(field);
        }
        return allowed;
    }

    private static HashSet<Role> RolesOf(ClaimsPrincipal user) => Enum.GetValues<Role>().Where(r => user.IsInRole(r.ToString())).ToHashSet();
}
