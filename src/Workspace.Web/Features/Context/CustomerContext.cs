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
    DateTimeOffset ComputedAt);
