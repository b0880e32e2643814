using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Workspace.Domain.Templates;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// Two versions of a template side by side in one column: what changed in the settings, then the whole body
/// with each line marked as kept, added or removed and numbered in the text it belongs to.
/// </summary>
public static class TemplateVersionsDiff
{
    public static IReadOnlyList<string> Settings(TemplateDefinition? before, TemplateDefinition after) =>
        before is null ? [] : TemplateDiff.Settings(before, after);

    public static IReadOnlyList<TemplateVersionsDiffLine> Body(string? before, string after)
    {
        var diff = InlineDiffBuilder.Diff(before ?? "", after, ignoreWhiteSpace: false);
        var lines = new List<TemplateVersionsDiffLine>(diff.Lines.Count);
        int oldLine = 0, newLine = 0;
        foreach (var line in diff.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Inserted:
                    lines.Add(new(TemplateVersionsDiffKind.Added, null, ++newLine, line.Text));
                    break;
                case ChangeType.Deleted:
                    lines.Add(new(TemplateVersionsDiffKind.Removed, ++oldLine, null, line.Text));
                    break;
                case ChangeType.Unchanged:
                case ChangeType.Modified:
                case ChangeType.Imaginary:
                default:
                    lines.Add(new(TemplateVersionsDiffKind.Kept, ++oldLine, ++newLine, line.Text));
                    break;
            }
        }
        return lines;
    }
}
