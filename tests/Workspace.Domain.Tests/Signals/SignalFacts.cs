using Workspace.Domain.Customers;
using Workspace.Domain.Signals;

namespace Workspace.Domain.Tests.Signals;

/// <summary>
/// Facts of a settled customer that no lifecycle or risk rule flags, for tests to change one thing at
/// a time: a year and more in, every core step done, five features in use, steady activity, renewal far off.
/// </summary>
internal static class SignalFacts
{
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static ProductCatalog Catalog => ProductCatalog.Default;

    public static CustomerProfile Profile => new(
        ExternalId: "cus_signals",
        Name: "Ada Lovelace",
        Email: "ada@example.com",
        Phone: null,
        Company: "Analytical Engines",
        Locale: "en-GB",
        TimeZone: "Europe/London",
        Tier: Tier.Pro,
        Arr: 12_000m,
        LifetimeValue: 30_000m,
        Plan: "Pro Annual",
        ProductVersion: "5.2",
        LifecycleStage: null,
        AtRisk: null,
        ExperienceLevel: ExperienceLevel.Intermediate,
        SignedUpAt: Now.AddDays(-400),
        RenewalAt: Now.AddDays(200),
        Attributes: new Dictionary<string, string>());

    public static readonly ConversationFacts NoConversations = new(0, 0, 0, 0, null, null, null);

    public static readonly TransactionFacts NoTransactions = new(0, 0m, 0m);

    public static CustomerFacts Settled => new(
        Profile,
        Now.AddDays(-400),
        Now,
        StepsDone(Catalog.OnboardingSteps.ToArray()),
        Features("dashboards", "reports", "alerts", "exports", "api"),
        new ActivityFact(10, 40, Now.AddHours(-2)),
        [],
        NoConversations,
        NoTransactions);

    /// <summary>A customer who has never sent a single event, signed up <paramref name="daysAgo"/> days ago.</summary>
    public static CustomerFacts WithoutEvents(double daysAgo) => Settled.WithProfile(p => p with { SignedUpAt = Now.AddDays(-daysAgo) }) with
    {
        OnboardingSteps = [],
        Features = [],
        Activity = new ActivityFact(0, 0, null),
    };

    public static IReadOnlyList<OnboardingStepFact> StepsDone(params string[] steps) =>
        steps.Select((s, i) => new OnboardingStepFact(s, true, Now.AddDays(-399 + i))).ToList();

    public static IReadOnlyList<FeatureFact> Features(params string[] names) =>
        names.Select(n => new FeatureFact(n, 10, Now.AddDays(-1))).ToList();

    public static CustomerFacts WithProfile(this CustomerFacts facts, Func<CustomerProfile, CustomerProfile> change) =>
        facts with { Profile = change(facts.Profile) };

    public static CustomerSignals Compute(this CustomerFacts facts, DeclaredPreferences? declared = null) =>
        CustomerSignals.Compute(facts, Catalog, declared);

    public static Signal Signal(this CustomerSignals signals, string key) =>
        signals[key] ?? throw new InvalidOperationException($"No signal '{key}'.");
}
