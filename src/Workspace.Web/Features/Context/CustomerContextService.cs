using Workspace.Data.Customers;
using Workspace.Domain.Signals;

namespace Workspace.Web.Features.Context;

/// <summary>Loads a customer's context: one round trip of aggregates, then the pure signal rules.</summary>
public sealed class CustomerContextService(CustomerRepository customers, CustomerContextQueries queries, TimeProvider clock)
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
        var aggregates = await queries.FactsAsync(customer, now, ct);
        var signals = CustomerSignals.Compute(aggregates.Facts, Catalog, aggregates.Declared);
        var observed = ObservedPreferences.From(aggregates.ActivityByUtcHour, customer.Profile.TimeZone, aggregates.Facts.Conversations.MostUsedChannel, now);
        var conversations = await queries.RecentConversationsAsync(customer.Id, CustomerContextQueries.RecentConversations, ct);
        return new CustomerContext(customer, signals, aggregates, observed, conversations, now);
    }
}
