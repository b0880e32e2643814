using Workspace.Domain.Conversations;

namespace Workspace.Data.Quality;

/// <summary>
/// One conversation in the QA search results. <see cref="SlaMet"/> is null while an unanswered conversation is
/// not yet due (or it had no target); <see cref="TemplatesUsed"/> counts the messages sent from a template, by agents or automation.
/// </summary>
public sealed record QaSearchRow(
    long ConversationId, string CustomerExternalId, string CustomerName, string? Subject, Channel Channel, ConversationStatus Status,
    Priority Priority, string? TeamName, string? AssigneeName, DateTimeOffset CreatedAt, DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt, int? Csat, bool? SlaMet, string? RuleName, bool Reassigned, int TemplatesUsed);
