using Workspace.Data.Customers;
using Workspace.Domain.Customers;

namespace Workspace.Web.Tests.Support;

public static class Customers
{
    /// <summary>
    /// A Starter customer who signed up over a year ago (in adoption, not at risk): the demo ruleset's
    /// default rule routes them to General Support. Returns the internal id.
    /// </summary>
    public static async Task<long> EstablishedCustomerAsync(this WorkspaceApp app, string name)
    {
        var profile = new CustomerProfile($"est-{Guid.NewGuid():N}", name, null, null, null, "en-US", "UTC", Tier.Starter, 1200, 1500,
            "Starter Monthly", null, null, null, ExperienceLevel.Intermediate, DateTimeOffset.UtcNow.AddDays(-400), null, new Dictionary<string, string>());
        var (id, _) = await app.Service<CustomerRepository>().UpsertAsync(profile, DateTimeOffset.UtcNow, CancellationToken.None);
        return id;
    }
}
