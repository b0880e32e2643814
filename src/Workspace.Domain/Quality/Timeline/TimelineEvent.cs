namespace Workspace.Domain.Quality.Timeline;

/// <summary>A stored conversation event as the timeline reads it: its kind and its JSON data, as written.</summary>
public sealed record TimelineEvent(long Id, DateTimeOffset At, string Kind, string? ActorName, string? Data);
