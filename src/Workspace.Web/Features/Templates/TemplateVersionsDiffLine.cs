namespace Workspace.Web.Features.Templates;

/// <summary>One line of a body diff: its number in the older text, the newer text, or both.</summary>
public sealed record TemplateVersionsDiffLine(TemplateVersionsDiffKind Kind, int? OldLine, int? NewLine, string Text)
{
    public string Marker => Kind switch
    {
        TemplateVersionsDiffKind.Added => "+",
        TemplateVersionsDiffKind.Removed => "−",
        TemplateVersionsDiffKind.Kept => " ",
    };
}
