namespace Workspace.Domain.Templates;

/// <summary>
/// Why a template did not compile or render: a 1-based line and column in the template's body, or in the
/// library block named by <see cref="Block"/> when the problem is inside an included block.
/// </summary>
public sealed record TemplateError(int Line, int Column, string Message, string? Block = null)
{
    public override string ToString() =>
        Block is null ? $"Line {Line}, column {Column}: {Message}" : $"Block '{Block}', line {Line}, column {Column}: {Message}";
}
