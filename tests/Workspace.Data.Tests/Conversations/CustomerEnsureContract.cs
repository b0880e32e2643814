using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Database;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Customers;

namespace Workspace.Data.Tests.Conversations;

/// <summary>
/// What <see cref="CustomerRepository"/> promises to conversations on every provider: a chat can start
/// for a customer the integration has not pushed yet (<see cref="CustomerRepository.EnsureAsync"/>),
/// and the agent view shows the customer's name (<see cref="CustomerRepository.NameAsync"/>).
/// </summary>
public abstract class CustomerEnsureContract : DatabaseTest
{
    private CustomerRepository Customers => new(Db);

    [Fact]
    public async Task EnsureAsync_UnknownExternalId_CreatesMinimalCustomer()
    {
        var externalId = Unique("cus");

        var id = await Customers.EnsureAsync(externalId, "Visitor 4821", anonymous: false, Now, Ct);

        Assert.Equal("Visitor 4821", await Customers.NameAsync(id, Ct));
        var stored = await Customers.GetAsync(externalId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(id, stored.Id);
        Assert.Equal(Tier.Free, stored.Profile.Tier);
        Assert.Equal(ExperienceLevel.New, stored.Profile.ExperienceLevel);
        Assert.Empty(stored.Profile.Attributes);
        Assert.Equal(Now, stored.CreatedAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EnsureAsync_AnonymousFlag_SeenOnItsConversations(bool anonymous)
    {
        var id = await Customers.EnsureAsync(Unique("visitor"), "Visitor", anonymous, Now, Ct);

        var (conversation, _, _) = await new ConversationRepository(Db).OpenAsync(WorkspaceSeed.Conversation(id, null), Now, Ct);

        Assert.Equal(anonymous, conversation.CustomerAnonymous);
    }

    [Fact]
    public async Task EnsureAsync_KnownExternalId_SameCustomerAndNameKept()
    {
        var externalId = Unique("cus");
        var id = await Customers.EnsureAsync(externalId, "Grace Hopper", anonymous: false, Now, Ct);

        var again = await Customers.EnsureAsync(externalId, "Someone Else", anonymous: true, Now.AddHours(1), Ct);

        Assert.Equal(id, again);
        Assert.Equal("Grace Hopper", await Customers.NameAsync(id, Ct));
    }

    [Fact]
    public async Task EnsureAsync_CustomerWithFullProfile_ProfileUntouched()
    {
        var externalId = Unique("cus");
        var profile = new CustomerProfile(externalId, "Ada Lovelace", "ada@example.com", null, "Analytical Engines", "en-GB", "Europe/London",
            Tier.Enterprise, 120_000m, 500_000m, "Enterprise", "5.2", LifecycleStage.Adoption, false, ExperienceLevel.Expert, null, null,
            new Dictionary<string, string> { ["seats"] = "120" });
        var (id, _) = await Customers.UpsertAsync(profile, Now, Ct);

        Assert.Equal(id, await Customers.EnsureAsync(externalId, "Visitor", anonymous: true, Now.AddHours(1), Ct));

        var stored = await Customers.GetAsync(externalId, Ct);
        Assert.NotNull(stored);
        Assert.Equal(profile with { Attributes = stored.Profile.Attributes }, stored.Profile);
        Assert.Equal(Now, stored.UpdatedAt);
    }

    [Fact]
    public async Task EnsureAsync_SameNewExternalIdFromManyNodesAtOnce_OneCustomer()
    {
        var externalId = Unique("cus");
        var nodes = Enumerable.Range(0, 6).Select(_ => new Db(Database.Options)).ToList();
        try
        {
            var ids = await Task.WhenAll(nodes.Select(n => new CustomerRepository(n).EnsureAsync(externalId, "Visitor", anonymous: true, Now, Ct)));

            Assert.Single(ids.Distinct());
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Fact]
    public async Task NameAsync_UnknownId_Null() => Assert.Null(await Customers.NameAsync(long.MaxValue - 7, Ct));
}
