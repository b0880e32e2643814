using Workspace.Data.Customers;
using Workspace.Data.Segments;
using Workspace.Domain.Segments;
using Workspace.Domain.Signals;

namespace Workspace.Web.Features.Context;

/// <summary>Loads a customer's context: one round trip of aggregates, then the pure signal rules.</summary>
public sealed class CustomerContextService(CustomerRepository customers, CustomerContextQueries queries, SegmentRepository segments, TimeProvider clock)
{
    public ProductCatalog Catalog { get; } = ProductCatalog.Default;

    public async Task<CustomerContext?> LoadAsync(string externalId, CancellationToken ct)
    {
        var customer = await customers.GetAsync(externalId, ct);
        if (customer is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var (signals, aggregates, memberships) = await SignalsAsync(customer, now, ct);
        var turns = await queries.ReplyTurnsAsync(customer.Id, 200, ct);
        var observed = ObservedPreferences.From(aggregates.ActivityByUtcHour, customer.Profile.TimeZone, aggregates.Facts.Conversations.MostUsedChannel, now, turns);
        var conversations = await queries.RecentConversationsAsync(customer.Id, CustomerContextQueries.RecentConversations, ct);
        return new CustomerContext(customer, signals, aggregates, observed, conversations, memberships, now);
    }

    /// <summary>The signals and current segments alone (what routing looks at): one round trip of aggregates and the segment definitions.</summary>
    public async Task<(CustomerSignals Signals, ContextAggregates Aggregates, IReadOnlyList<SegmentMembership> Segments)> SignalsAsync(
        CustomerRecord customer, DateTimeOffset now, CancellationToken ct)
    {
        var aggregates = await queries.FactsAsync(customer, now, ct);
        var signals = CustomerSignals.Compute(aggregates.Facts, Catalog, aggregates.Declared);
        // Membership is evaluated now, from the signals just computed: never a stored list.
        var values = SegmentEvaluator.ValuesOf(signals, customer.Profile);
        var memberships = (await segments.ListAsync(ct))
            .Select(s => (Segment: s, Match: SegmentEvaluator.Evaluate(s.Definition, values)))
            .Where(x => x.Match.Matches)
            .Select(x => new SegmentMembership(x.Segment.Key, x.Segment.Name, string.Join("; ", x.Match.Reasons)))
            .ToList();
        return (signals, aggregates, memberships);
    }
}
