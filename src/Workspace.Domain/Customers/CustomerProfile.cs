namespace Workspace.Domain.Customers;

/// <summary>
/// A validated customer profile as the integration declares it. Lifecycle stage and at-risk are
/// optional: when the integration declares them they win over what Workspace would infer.
/// </summary>
public sealed record CustomerProfile(
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
    IReadOnlyDictionary<string, string> Attributes);
