namespace Workspace.Domain.Customers;

/// <summary>How familiar the customer is with the product; shapes tone when no tone is declared.</summary>
public enum ExperienceLevel
{
    New,
    Intermediate,
    Expert,
}
