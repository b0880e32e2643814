using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Workspace.Web.Features.Chat;

/// <summary>
/// Who is on the other end of a widget. A host site proves a customer's identity by signing the
/// external id with the workspace secret (HMAC-SHA256, hex); the server then hands the widget a
/// token scoped to that one customer, which it presents on reconnect. Anonymous visitors get such a
/// token too, for a visitor record of their own.
/// </summary>
public sealed class CustomerIdentity(IDataProtectionProvider protection, IConfiguration configuration)
{
    public const string SecretKey = "Chat:Secret";
    private readonly ITimeLimitedDataProtector _tokens = protection.CreateProtector("Workspace.Chat.CustomerToken.v1").ToTimeLimitedDataProtector();

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(30);

    private byte[] Secret =>
        Encoding.UTF8.GetBytes(configuration[SecretKey] is { Length: >= 16 } secret
            ? secret
            : throw new InvalidOperationException($"Set {SecretKey} (at least 16 characters) to sign customer identities."));

    public string Sign(string externalId) => Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(externalId)));

    public bool Verify(string externalId, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 64)
        {
            return false;
        }
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(externalId)));
    }

    /// <summary>
    /// A token for an anonymous visitor's return. Identified customers get none: they are recognised by
    /// their signature every time, so a browser shared after they leave cannot reopen their chat.
    /// </summary>
    public string IssueVisitorToken(long customerId, DateTimeOffset now) =>
        _tokens.Protect(customerId.ToString(System.Globalization.CultureInfo.InvariantCulture), now + TokenLifetime);

    /// <summary>The visitor a token was issued for, or null when it is forged, altered or expired.</summary>
    public long? ReadToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            return long.TryParse(_tokens.Unprotect(token), out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
