namespace Workspace.Domain.Customers;

/// <summary>The kinds of product-usage facts an integration pushes.</summary>
public enum EventKind
{
    FeatureUsed,
    OnboardingStepCompleted,
    OnboardingStepFailed,
    ErrorRaised,
    Login,
}
