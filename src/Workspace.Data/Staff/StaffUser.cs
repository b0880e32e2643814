using Workspace.Domain.Staff;

namespace Workspace.Data.Staff;

/// <summary>A staff account as sign-in and the admin page see it.</summary>
public sealed record StaffUser(
    long Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    bool IsDisabled,
    int FailedAttempts,
    DateTimeOffset? LockedUntil,
    string SecurityStamp,
    IReadOnlyList<Role> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);
