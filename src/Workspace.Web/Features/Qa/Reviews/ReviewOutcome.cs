namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>
/// What a review action gives back: the value, or why it was refused (the role, the data), or the problems with the
/// input keyed by field (<c>answers.{criterion id}</c>, <c>criteria[i].weight</c>, <c>flags.correctTeam</c>) so each
/// message can sit beside what it is about. Nothing is stored unless it succeeded.
/// </summary>
public sealed record ReviewOutcome<T>(T? Value, string? Refusal, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Refusal is null && Errors.Count == 0;
}

public static class ReviewOutcome
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static ReviewOutcome<T> Done<T>(T value) => new(value, null, NoErrors);

    public static ReviewOutcome<T> Refused<T>(string why) => new(default, why, NoErrors);

    public static ReviewOutcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors) => new(default, null, errors);
}
