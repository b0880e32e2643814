using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;

namespace Workspace.Domain.Routing;

/// <summary>What a routing decision looks at: the customer's signals and the conversation's attributes at arrival.</summary>
public sealed record RoutingFacts(
    Tier Tier,
    int ValueScore,
    decimal Arr,
    LifecycleStage? LifecycleStage,
    bool AtRisk,
    int ComplexityScore,
    Intent? Intent,
    Channel Channel,
    bool RepeatContact,
    int OpenIssues,
    int? LastCsat,
    IReadOnlySet<string> Segments,
    string? Language,
    bool BusinessHours);
