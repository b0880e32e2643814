namespace Workspace.Domain.Customers;

/// <summary>
/// A validated product-usage fact. <see cref="EventId"/> is the integration's own id, so a retried
/// batch stores each event once.
/// </summary>
public sealed record CustomerEvent(
    string EventId,
    EventKind Kind,
    string Name,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string> Properties);
