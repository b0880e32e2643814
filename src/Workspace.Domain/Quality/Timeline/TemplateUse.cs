namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// A template a message was sent from: key, version, whether the agent edited it, and the text it rendered
/// against what was sent. <see cref="Rendered"/> is null when it was not recorded (older messages, automated
/// replies) or when the viewer may not see it (<see cref="RenderedHidden"/>): the diff then shows what was
/// removed only as a mask, so nothing appears that the sent text does not already show.
/// </summary>
public sealed record TemplateUse(string Key, int? Version, bool Edited, string? Rendered, bool RenderedHidden, IReadOnlyList<DiffPiece> Diff)
{
    public bool HasDiff => Diff.Count > 0;
}
