namespace Workspace.Domain.Staff;

/// <summary>
/// Sign-in lockout policy: after <see cref="MaxFailedAttempts"/> wrong passwords in a row the account
/// refuses sign-in for <see cref="Duration"/>, which slows password guessing without locking a
/// legitimate user out for long.
/// </summary>
public static class Lockout
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLockedOut(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil is { } until && until > now;

    /// <summary>The lock end after one more failure, or null while attempts remain.</summary>
    public static DateTimeOffset? AfterFailure(int failedAttemptsIncludingThis, DateTimeOffset now) =>
        failedAttemptsIncludingThis >= MaxFailedAttempts ? now + Duration : null;
}
