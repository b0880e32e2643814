namespace Workspace.Domain.Signals;

/// <summary>
/// What the product offers, as signals need it: the core onboarding steps in order, and the features
/// whose adoption is tracked. Milestones are counts of adopted features that mark real progress.
/// </summary>
public sealed record ProductCatalog(IReadOnlyList<string> OnboardingSteps, IReadOnlyList<string> Features, IReadOnlyList<int> AdoptionMilestones)
{
    public static readonly ProductCatalog Default = new(
        ["create-workspace", "invite-team", "connect-data-source", "build-first-dashboard", "set-up-alerts"],
        [
            "dashboards", "reports", "automations", "api", "alerts", "exports", "sso", "mobile-app",
            "integration-slack", "integration-salesforce", "integration-hubspot", "audit-trail",
        ],
        [1, 3, 6, 9]);
}
