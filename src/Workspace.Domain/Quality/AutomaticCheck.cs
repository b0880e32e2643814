namespace Workspace.Domain.Quality;

/// <summary>
/// A check shown beside the scorecard, computed from the conversation rather than judged by the reviewer.
/// <paramref name="Passed"/> is null when the check does not apply yet (no agent reply, not resolved); the
/// reason says why either way.
/// </summary>
public sealed record AutomaticCheck(string Key, string Label, bool? Passed, string Reason);
