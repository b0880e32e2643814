using System.Text;

namespace Workspace.Domain.Templates;

/// <summary>
/// Tidies a rendered message: optional blocks that rendered nothing leave blank lines and trailing spaces
/// behind, which a customer should not see. Lines lose trailing whitespace, runs of blank lines become one,
/// and the message starts and ends with text.
/// </summary>
internal static class TemplateText
{
    public static string Tidy(string text)
    {
        var result = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.IsEmpty)
            {
                blankLines++;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append('\n', blankLines > 0 ? 2 : 1);
            }
            blankLines = 0;
            result.Append(line);
        }
        return result.ToString();
    }
}
