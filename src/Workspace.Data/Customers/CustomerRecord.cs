using Workspace.Domain.Customers;

namespace Workspace.Data.Customers;

/// <summary>A stored customer: the declared profile plus its database identity and timestamps.</summary>
public sealed record CustomerRecord(long Id, CustomerProfile Profile, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
