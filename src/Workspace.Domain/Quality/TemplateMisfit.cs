using Workspace.Domain.Validation;

namespace Workspace.Domain.Quality;

/// <summary>
/// A template did not fit the conversation it was used in. Flagged on the version used, since a later
/// version may already have fixed it.
/// </summary>
public sealed record TemplateMisfit(string TemplateKey, int TemplateVersion, string? Note = null) : ReviewFlag(Note)
{
    private protected override void ValidateFields(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(TemplateKey))
        {
            errors.Add("templateKey", "Choose the template that did not fit.");
        }
        else
        {
            Check.OptionalText(errors, "templateKey", TemplateKey, 100);
        }
        if (TemplateVersion < 1)
        {
            errors.Add("templateVersion", $"Choose the template version that was used (got {TemplateVersion}).");
        }
    }
}
