using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Privacy;

namespace Workspace.Data.Privacy;

/// <summary>The admin-editable field classification; every change is audited with before and after.</summary>
public sealed class FieldPolicyRepository(Db db)
{
    private const string ListSql = """
        SELECT field, classification FROM field_policies
        """;

    public Task<FieldPolicy> GetAsync(CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var rows = await c.QueryAsync<Row>(new CommandDefinition(ListSql, cancellationToken: ct));
            return new FieldPolicy(rows.ToDictionary(r => r.Field, r => Enum.Parse<FieldClass>(r.Classification), StringComparer.Ordinal));
        }, ct);

    private const string CurrentSql = """
        SELECT classification FROM field_policies WHERE field = @Field
        """;
    private const string InsertSql = """
        INSERT INTO field_policies (field, classification, updated_at, updated_by) VALUES (@Field, @Classification, @Now, @Actor)
        """;
    private const string UpdateSql = """
        UPDATE field_policies SET classification = @Classification, updated_at = @Now, updated_by = @Actor WHERE field = @Field
        """;

    public Task SetAsync(string field, FieldClass classification, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var before = await c.ExecuteScalarAsync<string?>(new CommandDefinition(CurrentSql, new { Field = field }, t, cancellationToken: ct));
            var parameters = new { Field = field, Classification = classification.ToString(), Now = UnixTime.ToMs(now), Actor = actor };
            await c.ExecuteAsync(new CommandDefinition(before is null ? InsertSql : UpdateSql, parameters, t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "field-policy.changed", field, new { before = before ?? "Public", after = classification.ToString() }, now, ct);
        }, ct);

    private sealed class Row
    {
        public string Field { get; init; } = "";
        public string Classification { get; init; } = "";
    }
}
