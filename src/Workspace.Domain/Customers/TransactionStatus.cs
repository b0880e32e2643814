namespace Workspace.Domain.Customers;

/// <summary>Settlement state of a transaction.</summary>
public enum TransactionStatus
{
    Pending,
    Paid,
    Failed,
    Refunded,
}
