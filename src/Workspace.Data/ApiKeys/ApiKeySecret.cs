using System.Security.Cryptography;
using System.Text;

namespace Workspace.Data.ApiKeys;

/// <summary>
/// Keys are random and long, so a fast unsalted SHA-256 is enough to store them: nothing can be
/// brute-forced back from the hash, and lookup by hash stays a single indexed read.
/// </summary>
public static class ApiKeySecret
{
    public const string KeyPrefix = "wk_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string NewKey() => KeyPrefix + RandomNumberGenerator.GetString(Alphabet, 40);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string DisplayPrefix(string key) => key.Length <= 10 ? key[..Math.Min(4, key.Length)] : key[..10];
}
