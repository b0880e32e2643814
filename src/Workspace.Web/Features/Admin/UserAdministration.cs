using System.Security.Claims;
using Workspace.Data.Staff;
using Workspace.Domain.Staff;
using Workspace.Domain.Validation;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Admin;

/// <summary>
/// What an admin may do to staff accounts, with the guard rails a real team needs: an admin cannot
/// lock themselves out by disabling their own account or dropping their own Admin role. Each action
/// checks the caller's role itself rather than trusting that only the admin pages call it.
/// </summary>
public sealed class UserAdministration(StaffRepository staff, TimeProvider clock)
{
    public const string NotAdmin = "Your role does not allow managing users: only admins create accounts, change roles or disable accounts.";

    private static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(nameof(Role.Admin));

    public async Task<ValidationErrors> CreateAsync(ClaimsPrincipal admin, StaffUserInput input, CancellationToken ct)
    {
        if (!IsAdmin(admin))
        {
            var refused = new ValidationErrors();
            refused.Add("email", NotAdmin);
            return refused;
        }
        var errors = input.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var id = await staff.CreateAsync(input.Email!, input.DisplayName!, PasswordHashing.Hash(input.Password!), input.Roles, admin.Actor(), clock.GetUtcNow(), ct);
        if (id is null)
        {
            errors.Add("email", $"An account with the email {input.Email!.Trim()} already exists.");
        }
        return errors;
    }

    public async Task<string?> SetRolesAsync(ClaimsPrincipal admin, long userId, IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        if (!IsAdmin(admin))
        {
            return NotAdmin;
        }
        if (roles.Count == 0)
        {
            return "Choose at least one role.";
        }
        if (admin.UserId() == userId && !roles.Contains(Role.Admin))
        {
            return "You cannot remove your own Admin role; ask another admin.";
        }
        return await staff.SetRolesAsync(userId, roles, admin.Actor(), clock.GetUtcNow(), ct) ? null : "That account no longer exists.";
    }

    public async Task<string?> SetDisabledAsync(ClaimsPrincipal admin, long userId, bool disabled, CancellationToken ct)
    {
        if (!IsAdmin(admin))
        {
            return NotAdmin;
        }
        if (disabled && admin.UserId() == userId)
        {
            return "You cannot disable your own account.";
        }
        return await staff.SetDisabledAsync(userId, disabled, admin.Actor(), clock.GetUtcNow(), ct) ? null : "That account no longer exists.";
    }
}
