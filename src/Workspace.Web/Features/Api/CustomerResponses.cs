using Workspace.Data.Customers;
using Workspace.Domain.Customers;

namespace Workspace.Web.Features.Api;

public sealed record CustomerResponse(
    string ExternalId,
    string Name,
    string? Email,
    string? Phone,
    string? Company,
    string? Locale,
    string? TimeZone,
    Tier Tier,
    decimal Arr,
    decimal LifetimeValue,
    string? Plan,
    string? ProductVersion,
    LifecycleStage? LifecycleStage,
    bool? AtRisk,
    ExperienceLevel ExperienceLevel,
    DateTimeOffset? SignedUpAt,
    DateTimeOffset? RenewalAt,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CustomerResponse From(CustomerRecord record)
    {
        var p = record.Profile;
        return new(p.ExternalId, p.Name, p.Email, p.Phone, p.Company, p.Locale, p.TimeZone, p.Tier, p.Arr, p.LifetimeValue,
            p.Plan, p.ProductVersion, p.LifecycleStage, p.AtRisk, p.ExperienceLevel, p.SignedUpAt, p.RenewalAt, p.Attributes,
            record.CreatedAt, record.UpdatedAt);
    }
}

public sealed record EventResponse(string EventId, EventKind Kind, string Name, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, string> Properties)
{
    public static EventResponse From(StoredEvent e) => new(e.Event.EventId, e.Event.Kind, e.Event.Name, e.Event.OccurredAt, e.Event.Properties);
}

public sealed record TransactionResponse(
    string TransactionId, TransactionKind Kind, decimal Amount, string Currency, TransactionStatus Status, DateTimeOffset OccurredAt, string? Description)
{
    public static TransactionResponse From(StoredTransaction t) =>
        new(t.Transaction.TransactionId, t.Transaction.Kind, t.Transaction.Amount, t.Transaction.Currency, t.Transaction.Status,
            t.Transaction.OccurredAt, t.Transaction.Description);
}

public sealed record EventsAccepted(int Received, int Stored, int Duplicates);

public sealed record TransactionAccepted(string TransactionId, bool Stored, bool Duplicate);

public sealed record HistoryTotals(int Events, int Transactions);

/// <summary>What the context panel shows about a customer.</summary>
public sealed record CustomerContextResponse(
    CustomerResponse Customer,
    IReadOnlyList<EventResponse> RecentEvents,
    IReadOnlyList<TransactionResponse> RecentTransactions,
    HistoryTotals Totals);
