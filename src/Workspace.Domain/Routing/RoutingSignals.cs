using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;

namespace Workspace.Domain.Routing;

/// <summary>
/// What routing saw when a conversation arrived: the customer's signals, the conversation's attributes
/// and the first message. Stored with every decision, so the decision can be explained later and a
/// draft ruleset can be replayed over it (intent and complexity are recomputed with the draft's
/// phrases and weights). An anonymous visitor has no lifecycle stage: they have not signed up.
/// </summary>
public sealed record RoutingSignals(
    Tier Tier,
    int ValueScore,
    decimal Arr,
    LifecycleStage? LifecycleStage,
    bool AtRisk,
    Channel Channel,
    bool RepeatContact,
    int OpenIssues,
    int? LastCsat,
    IReadOnlyList<string> Segments,
    string? Language,
    bool BusinessHours,
    int IntegrationsInUse,
    int PriorEscalations,
    string Text)
{
    /// <summary>The first message is kept up to this length; intent phrases are found in its start.</summary>
    public const int MaxText = 1000;
}

/// <summary>The facts a decision used, with how intent and complexity were arrived at.</summary>
public sealed record RoutingAssessment(RoutingFacts Facts, IntentDetection Intent, ComplexityScore Complexity);
