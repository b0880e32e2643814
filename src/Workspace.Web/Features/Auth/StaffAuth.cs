using System.Security.Claims;
using Workspace.Data.Staff;

namespace Workspace.Web.Features.Auth;

/// <summary>How a staff account becomes a claims principal, and back.</summary>
public static class StaffAuth
{
    public const string Scheme = "Workspace.Staff";
    public const string StampClaim = "ws:stamp";

    public static ClaimsPrincipal ToPrincipal(StaffUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(StampClaim, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The name written into audit entries for what this user does.</summary>
    public static string Actor(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name ?? "unknown";

    /// <summary>
    /// The principal this user should have now: null when the account is gone or disabled, a fresh
    /// principal when roles or the stamp changed, or the same one when nothing did.
    /// </summary>
    public static async Task<ClaimsPrincipal?> RevalidateAsync(ClaimsPrincipal principal, StaffRepository staff, CancellationToken ct)
    {
        if (principal.UserId() is not { } id)
        {
            return null;
        }
        var user = await staff.FindByIdAsync(id, ct);
        if (user is null || user.IsDisabled)
        {
            return null;
        }
        return user.SecurityStamp == principal.FindFirstValue(StampClaim) ? principal : ToPrincipal(user);
    }
}
