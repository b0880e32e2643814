using System.Globalization;
using Workspace.Data.ApiKeys;
using Workspace.Data.Customers;
using Workspace.Data.Privacy;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Privacy;
using Workspace.Domain.Signals;
using Workspace.Web.Features.Auth;
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
    decimal? Arr,
    decimal? LifetimeValue,
    string? Plan,
    string? ProductVersion,
    LifecycleStage? LifecycleStage,
    bool? AtRisk,
    ExperienceLevel ExperienceLevel,
    DateTimeOffset? SignedUpAt,
    DateTimeOffset? RenewalAt,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Masked)
{
    /// <summary>The profile as this caller may see it: fields the policy hides from it are masked and listed in <see cref="Masked"/>.</summary>
    public static CustomerResponse From(CustomerRecord record, ApiMasking masking)
    {
        var p = record.Profile;
        var masked = new List<string>();
        string? Text(string field, string? value)
        {
            if (masking.Sees(field) || value is null)
            {
                return value;
            }
            masked.Add(field);
            return FieldPolicy.MaskValue(value);
        }
        decimal? Amount(string field, decimal value)
        {
            if (masking.Sees(field))
            {
                return value;
            }
            masked.Add(field);
            return null;
        }
        var attributes = p.Attributes.ToDictionary(a => a.Key, a => Text($"attributes.{a.Key}", a.Value)!, StringComparer.Ordinal);
        return new(p.ExternalId, p.Name, Text(FieldPolicy.Email, p.Email), Text(FieldPolicy.Phone, p.Phone), p.Company, p.Locale, p.TimeZone, p.Tier,
            Amount(FieldPolicy.Arr, p.Arr), Amount(FieldPolicy.LifetimeValue, p.LifetimeValue),
            p.Plan, p.ProductVersion, p.LifecycleStage, p.AtRisk, p.ExperienceLevel, p.SignedUpAt, p.RenewalAt, attributes,
            record.CreatedAt, record.UpdatedAt, masked);
    }
}

/// <summary>What an API key may see under the field policy: an integration key everything but sensitive fields, a full key all.</summary>
public sealed record ApiMasking(FieldPolicy Policy, bool FullScope)
{
    public bool Sees(string field) => Policy.VisibleToApi(field, FullScope);

    /// <summary>The key's scope decides what it sees under the current field policy.</summary>
    public static async Task<ApiMasking> ForAsync(HttpContext http, FieldPolicyRepository policies, CancellationToken ct) =>
        new(await policies.GetAsync(ct), http.User.FindFirst(ApiKeyAuthenticationHandler.ScopeClaim)?.Value == nameof(ApiKeyScope.Full));
}

public sealed record EventResponse(string EventId, EventKind Kind, string Name, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, string> Properties)
{
    public static EventResponse From(StoredEvent e) => new(e.Event.EventId, e.Event.Kind, e.Event.Name, e.Event.OccurredAt, e.Event.Properties);
}

public sealed record TransactionResponse(
    string TransactionId, TransactionKind Kind, decimal? Amount, string Currency, TransactionStatus Status, DateTimeOffset OccurredAt, string? Description)
{
    public static TransactionResponse From(StoredTransaction t, bool amountVisible = true) =>
        new(t.Transaction.TransactionId, t.Transaction.Kind, amountVisible ? t.Transaction.Amount : null, t.Transaction.Currency, t.Transaction.Status,
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

public sealed record ObservedPreferencesResponse(string? MostActiveHours, Channel? PreferredChannel, double? UsualReplyMinutes, string Reason);

public sealed record TransactionTotalsResponse(int Count, decimal? Paid, decimal? Refunded, decimal? Outstanding, int FailedPaymentsLast90Days);

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
    public static CustomerContextResponse From(CustomerContext ctx, IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredTransaction> transactions, ApiMasking masking)
    {
        var s = ctx.Signals;
        var facts = ctx.Aggregates.Facts;
        var amounts = masking.Sees(FieldPolicy.Transactions);
        decimal? Money(decimal value) => amounts ? value : null;
        SignalResponse Signal(Signal x) => x.Fields is { } fields && !fields.All(masking.Sees)
            ? new SignalResponse(x.Key, x.Label, x.Key == "valueScore" ? x.Value : FieldPolicy.Mask, x.Source, "Details hidden by the data policy.", x.Top)
            : new SignalResponse(x.Key, x.Label, x.Value, x.Source, x.Reason, x.Top);
        return new CustomerContextResponse(
            CustomerResponse.From(ctx.Customer, masking),
            new LifecycleResponse(s.Lifecycle.Stage, s.Lifecycle.StageSource, s.Lifecycle.AtRisk, s.Lifecycle.AtRiskSource, s.Lifecycle.Reasons),
            new ValueScoreResponse(s.ValueScore, CustomerSignals.ValueScoreFormula),
            s.Signals.Select(Signal).ToList(),
            ctx.Segments.Select(m => new SegmentResponse(m.Key, m.Name, m.Reason)).ToList(),
            new OnboardingResponse(s.Onboarding.Percent, s.Onboarding.Completed, s.Onboarding.FailedSteps, s.Onboarding.NextStep),
            new PreferencesResponse(
                ctx.Aggregates.Declared is { } declared ? DeclaredPreferencesResponse.From(declared) : null,
                new ObservedPreferencesResponse(ctx.Observed.MostActiveHours, ctx.Observed.PreferredChannel,
                    ctx.Observed.UsualReplyLatency is { } latency ? Math.Round(latency.TotalMinutes, 1) : null, ctx.Observed.Reason),
                s.PreferredTone),
            events.Select(EventResponse.From).ToList(),
            new TransactionsResponse(
                transactions.Select(t => TransactionResponse.From(t, amounts)).ToList(),
                new TransactionTotalsResponse(ctx.Aggregates.Transactions.Count, Money(ctx.Aggregates.Transactions.Paid), Money(ctx.Aggregates.Transactions.Refunded),
                    Money(ctx.Aggregates.Transactions.Outstanding), facts.Transactions.FailedPaymentsLast90Days)),
            new ConversationsResponse(
                ctx.RecentConversations.Select(c => new ConversationSummaryResponse(c.Id, c.Subject, c.Channel, c.Status, c.TeamName, c.CreatedAt, c.ResolvedAt, c.Csat)).ToList(),
                facts.Conversations.Total, facts.Conversations.Open),
            new HistoryTotals(ctx.Aggregates.TotalEvents, ctx.Aggregates.Transactions.Count));
    }
}
