namespace Workspace.Domain.Quality.Timeline;

/// <summary>One labelled fact of a timeline entry (a reason, who, how), already masked for the viewer.</summary>
public sealed record TimelineDetail(string Label, string Value);
