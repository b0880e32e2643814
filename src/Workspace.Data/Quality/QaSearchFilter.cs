using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;

namespace Workspace.Data.Quality;

/// <summary>
/// What a QA reviewer narrows conversations down by; every criterion is optional and the given ones all apply.
/// The period is half-open: created at or after <see cref="From"/> and before <see cref="To"/>.
/// </summary>
public sealed record QaSearchFilter
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public long? TeamId { get; init; }

    public long? AssigneeId { get; init; }

    public Tier? Tier { get; init; }

    /// <summary>The stage the customer's own system declared; conversations of customers who declared none never match.</summary>
    public LifecycleStage? LifecycleStage { get; init; }

    public ConversationStatus? Status { get; init; }

    /// <summary>Exactly this rating, 1–5.</summary>
    public int? Csat { get; init; }

    /// <summary>This rating or lower, 1–5; unrated conversations never match.</summary>
    public int? CsatAtMost { get; init; }

    public Priority? Priority { get; init; }

    /// <summary>
    /// True: answered by the first-response due time. False: answered late, or still unanswered after it.
    /// Unanswered conversations not yet due match neither.
    /// </summary>
    public bool? SlaMet { get; init; }

    /// <summary>Some message was sent from this template (of <see cref="TemplateVersion"/>, when given).</summary>
    public string? TemplateKey { get; init; }

    public int? TemplateVersion { get; init; }

    /// <summary>The routing rule that decided the conversation's queue.</summary>
    public string? RuleId { get; init; }

    /// <summary>True: transferred or handed back to the queue at least once; false: never.</summary>
    public bool? Reassigned { get; init; }

    /// <summary>What reviews said about it: reviewed or not, or flagged as wrong routing or a template misfit.</summary>
    public QaReviewFilter? Review { get; init; }

    /// <summary>Words that one message of the conversation contains, the last also as a prefix (see <see cref="SearchTerms"/>).</summary>
    public string? Text { get; init; }
}
