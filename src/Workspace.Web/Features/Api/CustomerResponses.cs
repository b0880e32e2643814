using System.Globalization;
using Workspace.Data.Customers;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Signals;
using Workspace.Web.Features.Context;

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

public sealed record LifecycleResponse(LifecycleStage Stage, SignalSource StageSource, bool AtRisk, SignalSource AtRiskSource, IReadOnlyList<string> Reasons);

public sealed record ValueScoreResponse(int Score, string Formula);

public sealed record SignalResponse(string Key, string Label, string Value, SignalSource Source, string Reason, bool Top);

public sealed record SegmentResponse(string Key, string Name, string Reason);

public sealed record OnboardingResponse(int Percent, IReadOnlyList<string> Completed, IReadOnlyList<string> Failed, string? NextStep);

public sealed record PreferencesResponse(DeclaredPreferencesResponse? Declared, ObservedPreferencesResponse Observed, Tone EffectiveTone);

public sealed record DeclaredPreferencesResponse(
    Channel? Channel, string? WindowStart, string? WindowEnd, Tone? Tone, string? Language, bool OptedOutOfNonMandatory, DateTimeOffset? PausedUntil)
{
    public static DeclaredPreferencesResponse From(DeclaredPreferences p) => new(
        p.Channel, p.WindowStart?.ToString("HH:mm", CultureInfo.InvariantCulture), p.WindowEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
        p.Tone, p.Language, p.OptedOutOfNonMandatory, p.PausedUntil);
}

public sealed record ObservedPreferencesResponse(string? MostActiveHours, Channel? PreferredChannel, string Reason);

public sealed record TransactionTotalsResponse(int Count, decimal Paid, decimal Refunded, decimal Outstanding, int FailedPaymentsLast90Days);

public sealed record TransactionsResponse(IReadOnlyList<TransactionResponse> Recent, TransactionTotalsResponse Totals);

public sealed record ConversationSummaryResponse(long Id, string? Subject, Channel Channel, ConversationStatus Status, string? Team, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, int? Csat);

public sealed record ConversationsResponse(IReadOnlyList<ConversationSummaryResponse> Recent, int Total, int Open);

/// <summary>What the context panel shows about a customer: profile, signals with their reasons, history.</summary>
public sealed record CustomerContextResponse(
    CustomerResponse Customer,
    LifecycleResponse LifecycleStage,
    ValueScoreResponse ValueScore,
    IReadOnlyList<SignalResponse> Signals,
    IReadOnlyList<SegmentResponse> Segments,
    OnboardingResponse Onboarding,
    PreferencesResponse Preferences,
    IReadOnlyList<EventResponse> RecentEvents,
    TransactionsResponse Transactions,
    ConversationsResponse Conversations,
    HistoryTotals Totals)
{
    public static CustomerContextResponse From(CustomerContext ctx, IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredTransaction> transactions)
    {
        var s = ctx.Signals;
        var facts = ctx.Aggregates.Facts;
        return new CustomerContextResponse(
            CustomerResponse.From(ctx.Customer),
            new LifecycleResponse(s.Lifecycle.Stage, s.Lifecycle.StageSource, s.Lifecycle.AtRisk, s.Lifecycle.AtRiskSource, s.Lifecycle.Reasons),
            new ValueScoreResponse(s.ValueScore, CustomerSignals.ValueScoreFormula),
            s.Signals.Select(x => new SignalResponse(x.Key, x.Label, x.Value, x.Source, x.Reason, x.Top)).ToList(),
            ctx.Segments.Select(m => new SegmentResponse(m.Key, m.Name, m.Reason)).ToList(),
            new OnboardingResponse(s.Onboarding.Percent, s.Onboarding.Completed, s.Onboarding.FailedSteps, s.Onboarding.NextStep),
            new PreferencesResponse(
                ctx.Aggregates.Declared is { } declared ? DeclaredPreferencesResponse.From(declared) : null,
                new ObservedPreferencesResponse(ctx.Observed.MostActiveHours, ctx.Observed.PreferredChannel, ctx.Observed.Reason),
                s.PreferredTone),
            events.Select(EventResponse.From).ToList(),
            new TransactionsResponse(
                transactions.Select(TransactionResponse.From).ToList(),
                new TransactionTotalsResponse(ctx.Aggregates.Transactions.Count, ctx.Aggregates.Transactions.Paid, ctx.Aggregates.Transactions.Refunded,
                    ctx.Aggregates.Transactions.Outstanding, facts.Transactions.FailedPaymentsLast90Days)),
            new ConversationsResponse(
                ctx.RecentConversations.Select(c => new ConversationSummaryResponse(c.Id, c.Subject, c.Channel, c.Status, c.TeamName, c.CreatedAt, c.ResolvedAt, c.Csat)).ToList(),
                facts.Conversations.Total, facts.Conversations.Open),
            new HistoryTotals(ctx.Aggregates.TotalEvents, ctx.Aggregates.Transactions.Count));
    }
}
