using System.Text.RegularExpressions;

namespace Workspace.Domain.Conversations;

/// <summary>
/// Finds <c>@handle</c> mentions in an internal note. A staff member's handle is the part of their
/// email before the @ (so <c>@maya.chen</c> mentions maya.chen@…); unknown handles are reported so
/// the author learns a mention went nowhere.
/// </summary>
public static partial class Mentions
{
    public static string HandleOf(string email) => email[..Math.Max(0, email.IndexOf('@', StringComparison.Ordinal))].ToLowerInvariant();

    public static MentionResult Resolve(string body, IReadOnlyDictionary<string, long> userIdsByHandle)
    {
        var found = new List<long>();
        var unknown = new List<string>();
        foreach (Match match in Handle().Matches(body))
        {
            var handle = match.Groups[1].Value.TrimEnd('.').ToLowerInvariant();
            if (userIdsByHandle.TryGetValue(handle, out var id))
            {
                if (!found.Contains(id))
                {
                    found.Add(id);
                }
            }
            else if (!unknown.Contains(handle))
            {
                unknown.Add(handle);
            }
        }
        return new MentionResult(found, unknown);
    }

    // A mention starts a word: "@maya.chen" but not the "@" inside "ops@example.com".
    [GeneratedRegex(@"(?<![\w.@])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}

public sealed record MentionResult(IReadOnlyList<long> UserIds, IReadOnlyList<string> UnknownHandles);
