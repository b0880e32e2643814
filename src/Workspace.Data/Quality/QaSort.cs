namespace Workspace.Data.Quality;

/// <summary>The orders a QA search can list in; each is one constant ORDER BY clause.</summary>
public enum QaSort
{
    /// <summary>Most recently created first.</summary>
    Newest,

    /// <summary>Earliest created first.</summary>
    Oldest,

    /// <summary>Most urgent priority first, then oldest first.</summary>
    Priority,

    /// <summary>Lowest rating first; unrated conversations last.</summary>
    Csat,

    /// <summary>Slowest first response first; unanswered conversations last.</summary>
    FirstResponse,
}
