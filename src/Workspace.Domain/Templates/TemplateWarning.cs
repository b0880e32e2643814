namespace Workspace.Domain.Templates;

/// <summary>
/// A problem the editor shows while a lead writes a template: where (1-based line and column, in the body or
/// in the included block named by <see cref="Block"/>), what kind, and what to do about it in plain words.
/// </summary>
public sealed record TemplateWarning(TemplateWarningKind Kind, int Line, int Column, string Message, string? Block = null)
{
    public override string ToString() =>
        Block is null ? $"Line {Line}, column {Column}: {Message}" : $"Block '{Block}', line {Line}, column {Column}: {Message}";
}
