using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Workspace.Domain.Templates;

namespace Workspace.Data.Templates;

/// <summary>The change list stored with every template version and audit entry: settings, then the body's added and removed lines.</summary>
public static class TemplateChanges
{
    public static IReadOnlyList<string> Between(TemplateDefinition? before, TemplateDefinition after) =>
        before is null ? TemplateDiff.Settings(null, after) : [.. TemplateDiff.Settings(before, after), .. Lines(before.Body, after.Body)];

    /// <summary>Added and removed lines ("+ line 3: …", "- line 2: …"), numbered in the new and old text.</summary>
    public static IReadOnlyList<string> Lines(string? before, string after)
    {
        var diff = InlineDiffBuilder.Diff(before ?? "", after, ignoreWhiteSpace: false);
        var lines = new List<string>();
        int oldLine = 0, newLine = 0;
        foreach (var line in diff.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Inserted:
                    newLine++;
                    lines.Add($"+ line {newLine}: {line.Text.TrimEnd()}");
                    break;
                case ChangeType.Deleted:
                    oldLine++;
                    lines.Add($"- line {oldLine}: {line.Text.TrimEnd()}");
                    break;
                case ChangeType.Unchanged:
                case ChangeType.Modified:
                case ChangeType.Imaginary:
                default:
                    oldLine++;
                    newLine++;
                    break;
            }
        }
        return lines;
    }
}
