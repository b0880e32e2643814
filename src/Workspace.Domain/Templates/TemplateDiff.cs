namespace Workspace.Domain.Templates;

/// <summary>What changed in a template's settings between two versions, in a lead's words (the body's lines are compared where the diff library lives, in Data).</summary>
public static class TemplateDiff
{
    public static IReadOnlyList<string> Settings(TemplateDefinition? before, TemplateDefinition after)
    {
        if (before is null)
        {
            return [$"New template “{after.Name}” ({after.Key})."];
        }
        var lines = new List<string>();
        void Compare(string what, string was, string now)
        {
            if (was != now)
            {
                lines.Add($"{what}: {(was.Length == 0 ? "none" : was)} → {(now.Length == 0 ? "none" : now)}.");
            }
        }
        Compare("Name", before.Name, after.Name);
        Compare("Intents", string.Join(", ", before.Intents), string.Join(", ", after.Intents));
        Compare("Lifecycle stages", string.Join(", ", before.Stages), string.Join(", ", after.Stages));
        Compare("Channel", before.Channel ?? "", after.Channel ?? "");
        Compare("Segments", string.Join(", ", before.SegmentKeys), string.Join(", ", after.SegmentKeys));
        Compare("Required data", string.Join(", ", before.RequiredData), string.Join(", ", after.RequiredData));
        Compare("Default tone", before.DefaultTone.ToString(), after.DefaultTone.ToString());
        return lines;
    }
}
