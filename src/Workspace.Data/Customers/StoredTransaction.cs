using Workspace.Domain.Customers;

namespace Workspace.Data.Customers;

public sealed record StoredTransaction(long Id, Transaction Transaction, DateTimeOffset ReceivedAt);
