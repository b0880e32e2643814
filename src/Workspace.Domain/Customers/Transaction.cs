namespace Workspace.Domain.Customers;

/// <summary>A validated order, invoice or refund; <see cref="TransactionId"/> makes retries idempotent.</summary>
public sealed record Transaction(
    string TransactionId,
    TransactionKind Kind,
    decimal Amount,
    string Currency,
    TransactionStatus Status,
    DateTimeOffset OccurredAt,
    string? Description);
