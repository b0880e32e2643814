namespace Workspace.Domain.Templates;

/// <summary>
/// One field of the template model as the leads' reference page lists it: the path a template writes
/// (<c>customer.first_name</c>; <c>[]</c> marks the items of a list), what kind of value it holds, what it
/// means, and how the example customer's value renders.
/// </summary>
public sealed record TemplateField(string Path, TemplateFieldKind Kind, string Description, string Example);
