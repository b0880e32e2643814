namespace Workspace.Domain.Quality.Timeline;

/// <summary>A run of text (words, spaces, line breaks) kept, added by the agent, or removed from what the template rendered.</summary>
public sealed record DiffPiece(DiffChange Change, string Text);
