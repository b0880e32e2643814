using Workspace.Domain.Validation;

namespace Workspace.Domain.Quality;

/// <summary>
/// Something a reviewer marks as wrong beyond the score, fed back to where it came from: the routing rule
/// (<see cref="WrongRouting"/>) or the template version (<see cref="TemplateMisfit"/>).
/// </summary>
public abstract record ReviewFlag(string? Note)
{
    public const int MaxNoteLength = 1000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        ValidateFields(errors);
        Check.OptionalText(errors, "note", Note, MaxNoteLength);
        return errors;
    }

    private protected abstract void ValidateFields(ValidationErrors errors);
}
