namespace Workspace.Domain.Templates;

/// <summary>The kind of value a model field holds.</summary>
public enum TemplateFieldKind
{
    Text,
    Number,
    YesNo,
    TextList,
    List,
    Group,
}
