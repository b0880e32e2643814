namespace Workspace.Domain.Routing;

/// <summary>What a customer's message is about, as the intent detector reads it.</summary>
public enum Intent
{
    Billing,
    HowTo,
    Bug,
    Outage,
    Integration,
    Account,
}
