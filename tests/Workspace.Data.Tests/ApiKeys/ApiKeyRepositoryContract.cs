using Dapper;
using Workspace.Data.ApiKeys;
using Workspace.Data.Audit;
using Workspace.Data.Staff;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.ApiKeys;

/// <summary>What <see cref="ApiKeyRepository"/> promises on every provider.</summary>
public abstract class ApiKeyRepositoryContract : DatabaseTest
{
    private const string Actor = "admin@demo.local";

    private ApiKeyRepository Keys => new(Db);

    private AuditLog Audit => new(Db);

    [Fact]
    public async Task CreateAsync_ThenFindActiveWithSecret_ReturnsTheKey()
    {
        var name = Unique("crm");

        var (id, secret) = await Keys.CreateAsync(name, ApiKeyScope.Full, null, Actor, Now, Ct);

        Assert.StartsWith(ApiKeySecret.KeyPrefix, secret, StringComparison.Ordinal);
        var key = await Keys.FindActiveAsync(secret, Ct);
        Assert.Equal(new ApiKey(id, name, secret[..10], ApiKeyScope.Full, Now, null, null), key);
    }

    [Fact]
    public async Task CreateAsync_TwoKeys_DifferentSecrets()
    {
        var (_, first) = await Keys.CreateAsync(Unique("a"), ApiKeyScope.Integration, null, Actor, Now, Ct);
        var (_, second) = await Keys.CreateAsync(Unique("b"), ApiKeyScope.Integration, null, Actor, Now, Ct);

        Assert.NotEqual(first, second);
        Assert.True(first.Length >= 40, $"a key of {first.Length} characters is too short to resist guessing");
    }

    [Fact]
    public async Task CreateAsync_ByStaffUser_NamesCreatorByEmail()
    {
        var email = $"{Guid.NewGuid():N}@staff.test";
        var userId = await new StaffRepository(Db).CreateAsync(email, "Admin", PasswordHashing.Hash("Correct!Horse1"), [Role.Admin], Actor, Now, Ct);

        var (_, secret) = await Keys.CreateAsync(Unique("crm"), ApiKeyScope.Integration, userId, Actor, Now, Ct);

        Assert.Equal(email, (await Keys.FindActiveAsync(secret, Ct))?.CreatedBy);
    }

    [Fact]
    public async Task CreateAsync_StoresHashAndPrefixButNeverTheSecret()
    {
        var (id, secret) = await Keys.CreateAsync(Unique("crm"), ApiKeyScope.Integration, null, Actor, Now, Ct);

        var row = await Db.ReadAsync(async c =>
            (IDictionary<string, object?>)await c.QuerySingleAsync(new CommandDefinition("SELECT * FROM api_keys WHERE id = @Id", new { Id = id }, cancellationToken: Ct)), Ct);

        Assert.Equal(ApiKeySecret.Hash(secret), row["key_hash"]);
        Assert.NotEqual(secret, ApiKeySecret.Hash(secret));
        Assert.All(row.Values, value => Assert.DoesNotContain(secret, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_Audited_WithoutTheSecret()
    {
        var name = Unique("crm");

        var (_, secret) = await Keys.CreateAsync(name, ApiKeyScope.Full, null, Actor, Now, Ct);

        var entry = Assert.Single(await Audit.EntriesAsync("api-key.created", name, Ct));
        Assert.Equal(Actor, entry.Actor);
        Assert.Contains(secret[..10], entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindActiveAsync_WrongSecret_Null()
    {
        var (_, secret) = await Keys.CreateAsync(Unique("crm"), ApiKeyScope.Integration, null, Actor, Now, Ct);
        var wrong = secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a');

        Assert.Null(await Keys.FindActiveAsync(wrong, Ct));
        Assert.Null(await Keys.FindActiveAsync(secret[..10], Ct));
    }

    [Fact]
    public async Task RevokeAsync_ActiveKey_NoLongerFoundAndAudited()
    {
        var name = Unique("crm");
        var (id, secret) = await Keys.CreateAsync(name, ApiKeyScope.Integration, null, Actor, Now, Ct);

        Assert.True(await Keys.RevokeAsync(id, Actor, Now.AddHours(1), Ct));

        Assert.Null(await Keys.FindActiveAsync(secret, Ct));
        var listed = Assert.Single(await Keys.ListAsync(Ct), k => k.Id == id);
        Assert.Equal(Now.AddHours(1), listed.RevokedAt);
        var entry = Assert.Single(await Audit.EntriesAsync("api-key.revoked", name, Ct));
        Assert.Equal(Actor, entry.Actor);
        Assert.Equal(Now.AddHours(1), entry.At);
    }

    [Fact]
    public async Task RevokeAsync_AlreadyRevoked_FalseAndNotAuditedTwice()
    {
        var name = Unique("crm");
        var (id, _) = await Keys.CreateAsync(name, ApiKeyScope.Integration, null, Actor, Now, Ct);
        await Keys.RevokeAsync(id, Actor, Now, Ct);

        Assert.False(await Keys.RevokeAsync(id, Actor, Now.AddMinutes(5), Ct));

        Assert.Single(await Audit.EntriesAsync("api-key.revoked", name, Ct));
        Assert.Equal(Now, Assert.Single(await Keys.ListAsync(Ct), k => k.Id == id).RevokedAt);
    }

    [Fact]
    public async Task RevokeAsync_OneOfTwoKeys_OtherStillWorks()
    {
        var (revoked, _) = await Keys.CreateAsync(Unique("old"), ApiKeyScope.Integration, null, Actor, Now, Ct);
        var (_, kept) = await Keys.CreateAsync(Unique("new"), ApiKeyScope.Integration, null, Actor, Now, Ct);

        await Keys.RevokeAsync(revoked, Actor, Now, Ct);

        Assert.NotNull(await Keys.FindActiveAsync(kept, Ct));
    }

    [Fact]
    public async Task ListAsync_ActiveAndRevokedKeys_ActiveListedFirst()
    {
        var (revoked, _) = await Keys.CreateAsync(Unique("old"), ApiKeyScope.Integration, null, Actor, Now.AddDays(1), Ct);
        var (active, _) = await Keys.CreateAsync(Unique("new"), ApiKeyScope.Full, null, Actor, Now, Ct);
        await Keys.RevokeAsync(revoked, Actor, Now.AddDays(2), Ct);

        var ids = (await Keys.ListAsync(Ct)).Select(k => k.Id).ToList();

        Assert.True(ids.IndexOf(active) < ids.IndexOf(revoked), "an active key should be listed before a revoked one");
        Assert.Contains(revoked, ids);
    }

    [Fact]
    public async Task RevokeAsync_UnknownKey_False() =>
        Assert.False(await Keys.RevokeAsync(long.MaxValue, Actor, Now, Ct));
}
