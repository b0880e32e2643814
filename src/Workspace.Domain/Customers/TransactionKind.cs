namespace Workspace.Domain.Customers;

/// <summary>Kinds of money movement recorded for a customer.</summary>
public enum TransactionKind
{
    Order,
    Invoice,
    Refund,
}
