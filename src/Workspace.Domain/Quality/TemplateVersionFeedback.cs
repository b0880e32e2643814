namespace Workspace.Domain.Quality;

/// <summary>
/// How one template version fared in use: how often agents sent it, how often they edited it first (the edit
/// rate, null when unused) and how often reviewers flagged it as a misfit.
/// </summary>
public sealed record TemplateVersionFeedback(string Key, int Version, int Uses, int Edited, double? EditRate, int MisfitFlags, string Reason);
