using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.Web.Tests.Support;

/// <summary>Reads the fields a browser would post from a form in rendered HTML.</summary>
public static partial class HtmlForms
{
    /// <summary>The named inputs of the first form that <paramref name="matches"/> picks, with their current values.</summary>
    public static Dictionary<string, string> Fields(string html, Func<string, IReadOnlyDictionary<string, string>, bool> matches)
    {
        foreach (Match form in FormTag().Matches(html))
        {
            var openTag = Attributes(form.Groups["open"].Value);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputTag().Matches(form.Groups["body"].Value))
            {
                var attributes = Attributes(input.Value);
                if (attributes.TryGetValue("name", out var name))
                {
                    fields[name] = attributes.GetValueOrDefault("value", "");
                }
            }
            if (matches(openTag.GetValueOrDefault("action", ""), fields))
            {
                return fields;
            }
        }
        throw new InvalidOperationException("No matching form in the page:\n" + html);
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
}
