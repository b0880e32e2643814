using Workspace.Domain.Customers;

namespace Workspace.Data.Demo;

/// <summary>
/// The first demo customers have fixed traits, so the README, tests and a newcomer can rely on
/// one example of each situation the workspace handles.
/// </summary>
public static class DemoFeatured
{
    public static readonly FeaturedProfile[] Profiles =
    [
        // cus_0001: a mature enterprise account.
        new(Tier.Enterprise, 720, ExperienceLevel.Expert, null, null, 250_000_00, 200, null, false, false, ["dashboards", "reports", "api", "sso", "integration-salesforce", "audit-trail"]),
        // cus_0002: a Pro customer twelve days in, stuck on connecting a data source.
        new(Tier.Pro, 12, ExperienceLevel.New, null, null, 18_000_00, 340, "connect-data-source", false, false, ["dashboards"]),
        // cus_0003: a Starter customer close to renewal whose activity dropped.
        new(Tier.Starter, 400, ExperienceLevel.Intermediate, null, null, 3_600_00, 30, null, true, false, ["dashboards", "reports", "exports"]),
        // cus_0004: a free customer adopting the product.
        new(Tier.Free, 90, ExperienceLevel.New, null, null, 0, null, null, false, false, ["dashboards", "alerts"]),
        // cus_0005: an expert Pro customer with integrations and repeated errors.
        new(Tier.Pro, 500, ExperienceLevel.Expert, LifecycleStage.Maturity, null, 24_000_00, 150, null, false, true, ["api", "integration-slack", "integration-hubspot", "automations", "dashboards"]),
        // cus_0006: an enterprise customer in onboarding with a failed step, declared at risk.
        new(Tier.Enterprise, 20, ExperienceLevel.New, LifecycleStage.Onboarding, true, 120_000_00, 345, "invite-team", false, false, ["dashboards", "sso"]),
    ];
}

public sealed record FeaturedProfile(
    Tier Tier,
    double SignedUpDaysAgo,
    ExperienceLevel Level,
    LifecycleStage? DeclaredStage,
    bool? DeclaredAtRisk,
    long? ArrCents,
    double? RenewalInDays,
    string? FailedStep,
    bool ActivityDrop,
    bool ErrorProne,
    string[] Features);
