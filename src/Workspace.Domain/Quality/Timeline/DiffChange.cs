namespace Workspace.Domain.Quality.Timeline;

public enum DiffChange
{
    Kept,
    Added,
    Removed,
}
