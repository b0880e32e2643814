using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.Web.Tests.Support;

/// <summary>Reads rendered HTML the way a browser would use it: the fields a form posts, the page heading.</summary>
public static partial class HtmlForms
{
    /// <summary>
    /// The action and named inputs (with their current values) of the first form for which
    /// <paramref name="matches"/> holds, given its action and fields.
    /// </summary>
    public static (string Action, Dictionary<string, string> Fields) Find(
        string html, Func<string, IReadOnlyDictionary<string, string>, bool> matches)
    {
        foreach (Match form in FormTag().Matches(html))
        {
            var action = Attributes(form.Groups["open"].Value).GetValueOrDefault("action", "");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputTag().Matches(form.Groups["body"].Value))
            {
                var attributes = Attributes(input.Value);
                if (attributes.TryGetValue("name", out var name))
                {
                    fields[name] = attributes.GetValueOrDefault("value", "");
                }
            }
            if (matches(action, fields))
            {
                return (action, fields);
            }
        }
        throw new InvalidOperationException("The page has no matching form:\n" + html);
    }

    /// <summary>The text of the page's first h1, or null when it has none.</summary>
    public static string? Heading(string html)
    {
        var match = HeadingTag().Match(html);
        return match.Success ? WebUtility.HtmlDecode(TagsInside().Replace(match.Groups["text"].Value, "")).Trim() : null;
    }

    /// <summary>The text of the element carrying <c>role="alert"</c>, or null.</summary>
    public static string? Alert(string html)
    {
        var match = AlertTag().Match(html);
        return match.Success ? WebUtility.HtmlDecode(TagsInside().Replace(match.Groups["text"].Value, "")).Trim() : null;
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(tag))
        {
            result[attribute.Groups["name"].Value] = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
        }
        return result;
    }

    [GeneratedRegex("""<form\b(?<open>[^>]*)>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormTag();

    [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("""(?<name>[\w.:-]+)\s*=\s*"(?<value>[^"]*)" """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex("""<h1\b[^>]*>(?<text>.*?)</h1>""", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingTag();

    [GeneratedRegex("""<div\b[^>]*\brole="alert"[^>]*>(?<text>.*?)</div>""", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlertTag();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex TagsInside();
}
