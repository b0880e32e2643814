using System.Data.Common;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Tests.Support;

namespace Workspace.Data.Tests.Audit;

/// <summary>What <see cref="AuditLog"/> promises on every provider: entries are appended and never change.</summary>
public abstract class AuditLogContract : DatabaseTest
{
    private AuditLog Log => new(Db);

    private async Task<AuditEntry> AppendOneAsync(string action)
    {
        await Log.AppendAsync("lead@demo.local", action, "ruleset:7", new { before = 1, after = 2 }, Now, Ct);
        var (rows, _) = await Log.PageAsync(action, 0, 10, Ct);
        return Assert.Single(rows);
    }

    [Fact]
    public async Task AppendAsync_Entry_StoredWithDetailsAsJson()
    {
        var action = Unique("rule.published");

        var entry = await AppendOneAsync(action);

        Assert.Equal(Now, entry.At);
        Assert.Equal("lead@demo.local", entry.Actor);
        Assert.Equal(action, entry.Action);
        Assert.Equal("ruleset:7", entry.Target);
        Assert.Equal("""{"before":1,"after":2}""", entry.Details);
    }

    [Fact]
    public async Task AppendAsync_WithoutTargetOrDetails_StoresNulls()
    {
        var action = Unique("export.csv");

        await Log.AppendAsync("qa@demo.local", action, null, null, Now, Ct);

        var (rows, _) = await Log.PageAsync(action, 0, 10, Ct);
        var entry = Assert.Single(rows);
        Assert.Null(entry.Target);
        Assert.Null(entry.Details);
    }

    [Fact]
    public async Task PageAsync_ByAction_NewestFirstWithTotal()
    {
        var action = Unique("template.published");
        for (var i = 0; i < 3; i++)
        {
            await Log.AppendAsync("lead@demo.local", action, $"template:{i}", null, Now.AddMinutes(i), Ct);
        }
        await Log.AppendAsync("lead@demo.local", Unique("other"), "template:x", null, Now, Ct);

        var (first, total) = await Log.PageAsync(action, 0, 2, Ct);
        var (second, _) = await Log.PageAsync(action, 2, 2, Ct);

        Assert.Equal(3, total);
        Assert.Equal(["template:2", "template:1"], first.Select(e => e.Target));
        Assert.Equal(["template:0"], second.Select(e => e.Target));
    }

    [Fact]
    public async Task PageAsync_NoActionFilter_IncludesEveryAction()
    {
        await AppendOneAsync(Unique("a"));
        await AppendOneAsync(Unique("b"));

        var (rows, total) = await Log.PageAsync(null, 0, 1, Ct);

        Assert.True(total >= 2, $"total was {total}");
        Assert.Single(rows);
    }

    [Fact]
    public async Task Update_ExistingEntry_RefusedAndEntryUnchanged()
    {
        var entry = await AppendOneAsync(Unique("permission.changed"));

        await Assert.ThrowsAnyAsync<DbException>(() => Db.WriteAsync((c, t) =>
            c.ExecuteAsync(new CommandDefinition("UPDATE audit_log SET actor = 'someone-else' WHERE id = @Id", new { entry.Id }, t, cancellationToken: Ct)), Ct));

        Assert.Equal(entry, await AppendedEntryAsync(entry));
    }

    [Fact]
    public async Task Delete_ExistingEntry_RefusedAndEntryKept()
    {
        var entry = await AppendOneAsync(Unique("sensitive.viewed"));

        await Assert.ThrowsAnyAsync<DbException>(() => Db.WriteAsync((c, t) =>
            c.ExecuteAsync(new CommandDefinition("DELETE FROM audit_log WHERE id = @Id", new { entry.Id }, t, cancellationToken: Ct)), Ct));

        Assert.Equal(entry, await AppendedEntryAsync(entry));
    }

    [Fact]
    public async Task AppendAsync_InsideWriteThatFails_RolledBackWithIt()
    {
        var action = Unique("rule.published");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Db.WriteAsync(async (c, t) =>
        {
            await AuditLog.AppendAsync(c, t, "lead@demo.local", action, null, null, Now, Ct);
            throw new InvalidOperationException("the change itself failed");
        }, Ct));

        Assert.Equal(0, (await Log.PageAsync(action, 0, 10, Ct)).Total);
    }

    private async Task<AuditEntry?> AppendedEntryAsync(AuditEntry entry) =>
        (await Log.PageAsync(entry.Action, 0, 10, Ct)).Rows.SingleOrDefault(e => e.Id == entry.Id);
}
