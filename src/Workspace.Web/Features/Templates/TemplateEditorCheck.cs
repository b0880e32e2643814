using Workspace.Domain.Templates;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// What the editor shows under a body as it is typed: the errors that stop it compiling (with line and
/// column) and the lint warnings (unknown fields and functions, blocks that do not exist, required data the
/// preview customer lacks). A warning that repeats an error is shown once, as the error.
/// </summary>
public sealed record TemplateEditorCheck(IReadOnlyList<TemplateError> Errors, IReadOnlyList<TemplateWarning> Warnings)
{
    public static readonly TemplateEditorCheck None = new([], []);

    public bool IsClean => Errors.Count == 0 && Warnings.Count == 0;

    /// <param name="body">The template (or block) text.</param>
    /// <param name="blocks">The library blocks it may include, by name.</param>
    /// <param name="customer">The preview customer's data, so lint can say which required data they lack; null while none is loaded.</param>
    /// <param name="requiredData">The template's required data points (unknown ones are the settings' errors, not repeated here).</param>
    public static TemplateEditorCheck Of(string body, IReadOnlyDictionary<string, string> blocks, TemplateData? customer, IReadOnlyList<string> requiredData)
    {
        var errors = TemplateEngine.Compile(body, blocks).Errors;
        var warnings = TemplateLint.Lint(body, blocks, customer, requiredData)
            .Where(w => w.Kind is not (TemplateWarningKind.Syntax or TemplateWarningKind.UnknownRequiredData))
            .Where(w => !errors.Any(e => e.Line == w.Line && e.Column == w.Column && e.Block == w.Block && e.Message == w.Message))
            .ToList();
        return new(errors, warnings);
    }
}
