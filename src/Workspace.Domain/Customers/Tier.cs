namespace Workspace.Domain.Customers;

/// <summary>The customer's commercial tier, lowest to highest.</summary>
public enum Tier
{
    Free,
    Starter,
    Pro,
    Enterprise,
}
