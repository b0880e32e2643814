using Workspace.Domain.Customers;

namespace Workspace.Domain.Signals;

/// <summary>
/// Everything the signals are computed from, already aggregated (a customer may have tens of
/// thousands of events; the aggregates come from a few indexed queries, not from every row).
/// </summary>
public sealed record CustomerFacts(
    CustomerProfile Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset Now,
    IReadOnlyList<OnboardingStepFact> OnboardingSteps,
    IReadOnlyList<FeatureFact> Features,
    ActivityFact Activity,
    IReadOnlyList<ErrorFact> RecentErrors,
    ConversationFacts Conversations,
    TransactionFacts Transactions);

/// <summary>The latest outcome of one onboarding step.</summary>
public sealed record OnboardingStepFact(string Step, bool Completed, DateTimeOffset At);

public sealed record FeatureFact(string Feature, int Uses, DateTimeOffset LastUsedAt);

/// <summary>Product activity (logins and feature use) in the last 7 days and in the 28 days before them.</summary>
public sealed record ActivityFact(int Last7Days, int Previous28Days, DateTimeOffset? LastSeenAt);

/// <summary>One kind of error raised in the last 7 days.</summary>
public sealed record ErrorFact(string Error, int Count, DateTimeOffset LastAt);

public sealed record ConversationFacts(
    int Total,
    int Open,
    int OpenedInLast7Days,
    int Escalated,
    int? LastCsat,
    DateTimeOffset? LastCsatAt,
    string? MostUsedChannel);

public sealed record TransactionFacts(int FailedPaymentsLast90Days, decimal PaidLast90Days, decimal RefundedLast90Days);
