using Workspace.Domain.Privacy;

namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// What the viewer may see, as the field policy decides (<paramref name="Sees"/> takes a field name such
/// as <see cref="FieldPolicy.Arr"/>), and how texts are compared for template diffs.
/// </summary>
public sealed record TimelineViewer(Func<string, bool> Sees, TextDiff Diff)
{
    /// <summary>ARR, and the value score computed from it and lifetime value, follow the money fields (as in "Why here?").</summary>
    public bool SeesMoney => Sees(FieldPolicy.Arr) && Sees(FieldPolicy.LifetimeValue);

    /// <summary>
    /// Every field a template can hold (the email, and the value score from the money fields): the same rule
    /// as template test results, since the text was rendered with what the sending agent could see.
    /// </summary>
    public bool SeesTemplateFields => Sees(FieldPolicy.Email) && SeesMoney;
}
