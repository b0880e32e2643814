namespace Workspace.Domain.Templates;

/// <summary>The outcome of compiling a template with the blocks it includes: the compiled template, or every error found.</summary>
public sealed record TemplateCompilation
{
    private TemplateCompilation(CompiledTemplate? template, IReadOnlyList<TemplateError> errors)
    {
        Template = template;
        Errors = errors;
    }

    public CompiledTemplate? Template { get; }

    public IReadOnlyList<TemplateError> Errors { get; }

    public bool Succeeded => Template is not null;

    internal static TemplateCompilation Compiled(CompiledTemplate template) => new(template, []);

    internal static TemplateCompilation Failed(IReadOnlyList<TemplateError> errors) => new(null, errors);
}
