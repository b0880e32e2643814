using Workspace.Domain.Validation;

namespace Workspace.Domain.Customers;

/// <summary>A transaction as it arrives from an integration.</summary>
public sealed record TransactionInput
{
    public string? TransactionId { get; init; }
    public string? Kind { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public string? Description { get; init; }

    public Transaction? Validate(ValidationErrors errors, DateTimeOffset now)
    {
        var id = Check.ExternalId(errors, "transactionId", TransactionId);
        var kind = Check.RequiredEnum<TransactionKind>(errors, "kind", Kind);
        if (Amount is null)
        {
            errors.Add("amount", "'amount' is required.");
        }
        var amount = Check.NonNegativeAmount(errors, "amount", Amount, CustomerProfileInput.MaxMoney);
        var currency = Currency?.Trim().ToUpperInvariant();
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add("currency", "'currency' must be a three-letter ISO 4217 code such as EUR.");
        }
        var status = Check.RequiredEnum<TransactionStatus>(errors, "status", Status);
        if (OccurredAt is null)
        {
            errors.Add("occurredAt", "'occurredAt' is required (ISO 8601 with offset).");
        }
        else if (OccurredAt > now + CustomerEventInput.FutureTolerance)
        {
            errors.Add("occurredAt", "'occurredAt' must not be in the future.");
        }
        var description = Check.OptionalText(errors, "description", Description, 500);
        if (!errors.IsEmpty || id is null || kind is null || amount is null || currency is null || status is null || OccurredAt is null)
        {
            return null;
        }
        return new Transaction(id, kind.Value, amount.Value, currency, status.Value, OccurredAt.Value.ToUniversalTime(), description);
    }
}
