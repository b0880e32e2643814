using Workspace.Data.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;

namespace Workspace.Data.Tests.Conversations;

/// <summary>Full-text search over message bodies, on every provider: what a QA reviewer typing words would get.</summary>
public abstract class MessageSearchContract : DatabaseTest
{
    private ConversationRepository Conversations => new(Db);

    private MessageSearch Search => new(Db);

    private WorkspaceSeed Seed => new(Db);

    private async Task<long> ConversationWithAsync(params string[] bodies)
    {
        var conversation = await Seed.OpenAsync(null, Now, Ct);
        foreach (var body in bodies)
        {
            await Conversations.AppendAsync(conversation.Id, new NewMessage(AuthorKind.Customer, null, Guid.NewGuid().ToString("N"), body), Now.AddMinutes(1), Ct);
        }
        return conversation.Id;
    }

    [Fact]
    public async Task ConversationIdsAsync_EveryWordInOneMessage_FindsItNewestFirst()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var older = await ConversationWithAsync($"The {token} export stops at ten thousand rows");
        var newer = await ConversationWithAsync($"Our {token} EXPORT fails again", "unrelated follow-up");
        var other = await ConversationWithAsync($"An export question without the token");

        var found = await Search.ConversationIdsAsync($"{token} export", 50, Ct);

        Assert.Equal([newer, older], found);
        Assert.DoesNotContain(other, found);
    }

    [Fact]
    public async Task ConversationIdsAsync_LastWordIsAPrefix_AccentsAndCaseIgnored()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var id = await ConversationWithAsync($"Facture {token} reçue deux fois, invoice duplicated");

        Assert.Equal([id], await Search.ConversationIdsAsync($"{token} RECUE", 10, Ct));
        Assert.Equal([id], await Search.ConversationIdsAsync($"{token} invoi", 10, Ct));
        Assert.Empty(await Search.ConversationIdsAsync($"{token} voice", 10, Ct));
    }

    [Fact]
    public async Task ConversationIdsAsync_WordsInDifferentMessages_NoMatch()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        await ConversationWithAsync($"first {token} alpha", $"second {token} bravo");

        Assert.Empty(await Search.ConversationIdsAsync($"alpha bravo {token}", 10, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*^()")]
    public async Task ConversationIdsAsync_NothingToSearchFor_FindsNothing(string query) =>
        Assert.Empty(await Search.ConversationIdsAsync(query, 10, Ct));

    [Fact]
    public async Task ConversationIdsAsync_QuerySyntaxInTheText_IsJustWords()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var id = await ConversationWithAsync($"{token} NEAR(x y) OR body:secret");

        Assert.Equal([id], await Search.ConversationIdsAsync($"{token} \"near\" OR", 10, Ct));
    }
}

public sealed class MessageSearchSqliteTests : MessageSearchContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => Task.FromResult<TestDatabase>(SqliteTestDatabase.CreateMigrated());
}

public sealed class MessageSearchSqlServerTests(SqlServerTestServer server) : MessageSearchContract
{
    protected override Task<TestDatabase> OpenDatabaseAsync() => server.OpenAsync();
}
