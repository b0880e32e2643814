namespace Workspace.Domain.Templates;

/// <summary>
/// The outcome of one render: the whole message, or the errors that stopped it. Never both, and never part
/// of a message: a render that fails keeps none of what it wrote.
/// </summary>
public sealed record TemplateResult
{
    private TemplateResult(string? text, IReadOnlyList<TemplateError> errors)
    {
        Text = text;
        Errors = errors;
    }

    /// <summary>The rendered message; null when the render failed.</summary>
    public string? Text { get; }

    public IReadOnlyList<TemplateError> Errors { get; }

    public bool Succeeded => Text is not null;

    public static TemplateResult Rendered(string text) => new(text, []);

    public static TemplateResult Failed(IReadOnlyList<TemplateError> errors) =>
        errors.Count > 0 ? new(null, errors) : throw new ArgumentException("A failed render names at least one error.", nameof(errors));

    public static TemplateResult Failed(TemplateError error) => new(null, [error]);
}
