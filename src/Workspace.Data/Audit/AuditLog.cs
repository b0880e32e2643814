using System.Data.Common;
using System.Text.Json;
using Dapper;
using Workspace.Data.Database;

namespace Workspace.Data.Audit;

/// <summary>The append-only audit log; the schema refuses updates and deletes of its rows.</summary>
public sealed class AuditLog(Db db)
{
    private const string AppendSql = """
        INSERT INTO audit_log (at, actor, action, target, details) VALUES (@At, @Actor, @Action, @Target, @Details)
        """;

    public Task AppendAsync(string actor, string action, string? target, object? details, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => AppendAsync(c, t, actor, action, target, details, now, ct), ct);

    /// <summary>Appends inside the caller's transaction, so the change and its audit entry commit together.</summary>
    public static Task AppendAsync(DbConnection c, DbTransaction t, string actor, string action, string? target, object? details, DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(AppendSql, new
        {
            At = UnixTime.ToMs(now),
            Actor = actor,
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details),
        }, t, cancellationToken: ct));

    private const string PageSqlite = """
        SELECT id, at, actor, action, target, details FROM audit_log
        WHERE @Action IS NULL OR action = @Action
        ORDER BY id DESC
        LIMIT @Take OFFSET @Skip
        """;
    private const string PageSqlServer = """
        SELECT id, at, actor, action, target, details FROM audit_log
        WHERE @Action IS NULL OR action = @Action
        ORDER BY id DESC
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """;
    private const string CountSql = """
        SELECT COUNT(*) FROM audit_log WHERE @Action IS NULL OR action = @Action
        """;

    public Task<(IReadOnlyList<AuditEntry> Rows, int Total)> PageAsync(string? action, int skip, int take, CancellationToken ct) =>
        db.ReadAsync<(IReadOnlyList<AuditEntry>, int)>(async c =>
        {
            var parameters = new { Action = action, Skip = skip, Take = take };
            var rows = await c.QueryAsync<Row>(new CommandDefinition(db.Dialect.Pick(PageSqlite, PageSqlServer), parameters, cancellationToken: ct));
            var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, parameters, cancellationToken: ct));
            return (rows.Select(r => new AuditEntry(r.Id, UnixTime.FromMs(r.At), r.Actor, r.Action, r.Target, r.Details)).ToList(), total);
        }, ct);

    private sealed class Row
    {
        public long Id { get; init; }
        public long At { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string? Target { get; init; }
        public string? Details { get; init; }
    }
}
