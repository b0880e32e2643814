namespace Workspace.Web.Features.Templates;

public enum TemplateVersionsDiffKind
{
    Kept,
    Added,
    Removed,
}
