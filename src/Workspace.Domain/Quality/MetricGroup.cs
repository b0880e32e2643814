namespace Workspace.Domain.Quality;

/// <summary>
/// The conversations of one team, agent, tier or lifecycle stage. <paramref name="Key"/> is stable for links and
/// filters (the team name, the agent id, the enum name; empty for "none"); <paramref name="Label"/> is shown.
/// </summary>
public sealed record MetricGroup(string Key, string Label, IReadOnlyList<MetricConversation> Conversations);
