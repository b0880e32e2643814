using Workspace.Domain.Validation;

namespace Workspace.Domain.Quality;

/// <summary>The conversation went to the wrong team; <paramref name="CorrectTeam"/> is where it should have gone.</summary>
public sealed record WrongRouting(string CorrectTeam, string? Note = null) : ReviewFlag(Note)
{
    private protected override void ValidateFields(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(CorrectTeam))
        {
            errors.Add("correctTeam", "Choose the team the conversation should have gone to.");
            return;
        }
        Check.OptionalText(errors, "correctTeam", CorrectTeam, 100);
    }
}
