using Workspace.Domain.Customers;

namespace Workspace.Data.Customers;

/// <summary>One row of the customer directory.</summary>
public sealed record CustomerSummary(
    string ExternalId, string Name, string? Company, Tier Tier, LifecycleStage? LifecycleStage, decimal Arr, DateTimeOffset UpdatedAt);
