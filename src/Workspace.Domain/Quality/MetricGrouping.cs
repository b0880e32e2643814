namespace Workspace.Domain.Quality;

/// <summary>How the dashboard splits conversations.</summary>
public enum MetricGrouping
{
    None,
    Team,
    Agent,
    Tier,
    LifecycleStage,
}
