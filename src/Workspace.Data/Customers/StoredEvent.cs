using Workspace.Domain.Customers;

namespace Workspace.Data.Customers;

public sealed record StoredEvent(long Id, CustomerEvent Event, DateTimeOffset ReceivedAt);
