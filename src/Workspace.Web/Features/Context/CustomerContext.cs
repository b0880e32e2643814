using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Domain.Signals;

namespace Workspace.Web.Features.Context;

/// <summary>Everything the context panel shows about one customer, computed at one moment.</summary>
public sealed record CustomerContext(
    CustomerRecord Customer,
    CustomerSignals Signals,
    ContextAggregates Aggregates,
    ObservedPreferences Observed,
    IReadOnlyList<ConversationRecord> RecentConversations,
    IReadOnlyList<SegmentMembership> Segments,
    DateTimeOffset ComputedAt);

/// <summary>A segment the customer is in now, and why (each condition with the customer's value).</summary>
public sealed record SegmentMembership(string Key, string Name, string Reason);
