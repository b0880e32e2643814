namespace Workspace.Domain.Customers;

/// <summary>Where the customer is in their journey with the product.</summary>
public enum LifecycleStage
{
    Onboarding,
    Adoption,
    Maturity,
    Retention,
}
