using Workspace.Data.Staff;
using Workspace.Domain.Staff;

namespace Workspace.Web.Features.Auth;

/// <summary>Checks a password against an account, applying lockout; says why a sign-in is refused.</summary>
public sealed class SignInService(StaffRepository staff, TimeProvider clock)
{
    public async Task<SignInResult> SignInAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInResult.Refused("Enter your email and password.");
        }
        var now = clock.GetUtcNow();
        var user = await staff.FindByEmailAsync(email, ct);
        if (user is null)
        {
            // Same work and message as a wrong password, so sign-in does not reveal which emails exist.
            PasswordHashing.Verify(DummyHash, password);
            return SignInResult.Refused(WrongCredentials);
        }
        if (Lockout.IsLockedOut(user.LockedUntil, now))
        {
            return SignInResult.Refused(LockedMessage(user.LockedUntil!.Value, now));
        }
        var (valid, _) = PasswordHashing.Verify(user.PasswordHash, password);
        if (!valid)
        {
            var lockedUntil = await staff.RecordFailedSignInAsync(user, now, ct);
            return SignInResult.Refused(lockedUntil is { } until ? LockedMessage(until, now) : WrongCredentials);
        }
        if (user.IsDisabled)
        {
            return SignInResult.Refused("This account is disabled. Ask an administrator to enable it.");
        }
        if (user.Roles.Count == 0)
        {
            return SignInResult.Refused("This account has no role yet. Ask an administrator to assign one.");
        }
        await staff.RecordSignInAsync(user.Id, now, ct);
        return SignInResult.Success(user);
    }

    private const string WrongCredentials = "Wrong email or password.";

    private static readonly string DummyHash = PasswordHashing.Hash("not-a-real-password-0");

    private static string LockedMessage(DateTimeOffset until, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes));
        return $"Too many failed sign-ins: this account is locked for {minutes} more minute{(minutes == 1 ? "" : "s")}.";
    }
}

public sealed record SignInResult(StaffUser? User, string? Error)
{
    public static SignInResult Success(StaffUser user) => new(user, null);

    public static SignInResult Refused(string error) => new(null, error);
}
