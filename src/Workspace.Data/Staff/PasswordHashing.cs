using Microsoft.AspNetCore.Identity;

namespace Workspace.Data.Staff;

/// <summary>ASP.NET Core's PBKDF2 password hasher, shared by sign-in, the admin page and the demo seed.</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    public static string Hash(string password) => Hasher.HashPassword(Subject, password);

    /// <summary>Verifies; <c>NeedsRehash</c> is true when the stored hash uses older parameters.</summary>
    public static (bool Valid, bool NeedsRehash) Verify(string hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(Subject, hash, password);
        return (result != PasswordVerificationResult.Failed, result == PasswordVerificationResult.SuccessRehashNeeded);
    }
}
