namespace Workspace.Data.Quality;

/// <summary>What reviews say about a conversation, as a QA search filter.</summary>
public enum QaReviewFilter
{
    /// <summary>No review yet.</summary>
    NotReviewed,

    /// <summary>Reviewed by at least one reviewer.</summary>
    Reviewed,

    /// <summary>A reviewer flagged it as wrong routing.</summary>
    FlaggedWrongRouting,

    /// <summary>A reviewer flagged a template as a misfit in it (the template and version filters, when given, narrow it to that one).</summary>
    FlaggedMisfit,
}
