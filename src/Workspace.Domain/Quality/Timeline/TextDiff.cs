namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// Compares two texts word by word; the pieces of each change, in order, rebuild both texts (kept and
/// removed give <paramref name="before"/>, kept and added give <paramref name="after"/>). Supplied by
/// the caller so the domain stays free of a diff library.
/// </summary>
public delegate IReadOnlyList<DiffPiece> TextDiff(string before, string after);
