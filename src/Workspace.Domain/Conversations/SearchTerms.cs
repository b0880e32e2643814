using System.Globalization;
using System.Text;

namespace Workspace.Domain.Conversations;

/// <summary>
/// The words of a message as the full-text index keeps them, and a search query as words to find: runs of
/// letters and digits, lower-cased, accents removed, so "Café" finds "cafe". A query matches a message that
/// has every word, the last one also as a prefix ("invoi" finds "invoice").
/// </summary>
public static class SearchTerms
{
    public const int MaxTermLength = 64;
    public const int MaxTermsPerMessage = 400;
    public const int MaxQueryTerms = 8;

    /// <summary>The distinct words of a text, in order of first appearance, at most <see cref="MaxTermsPerMessage"/>.</summary>
    public static IReadOnlyList<string> Of(string text) => Words(text).Distinct(StringComparer.Ordinal).Take(MaxTermsPerMessage).ToList();

    /// <summary>The words of a search query, at most <see cref="MaxQueryTerms"/>; empty when there is nothing to search for.</summary>
    public static IReadOnlyList<string> Query(string? query) =>
        query is null ? [] : Words(query).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();

    private static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var word = new StringBuilder();
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
                continue;
            }
            if (word.Length > 0)
            {
                yield return Cut(word);
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return Cut(word);
        }
    }

    private static string Cut(StringBuilder word) => word.Length <= MaxTermLength ? word.ToString() : word.ToString(0, MaxTermLength);

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(ch);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
