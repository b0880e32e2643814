using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Segments;

namespace Workspace.Data.Segments;

/// <summary>Segment definitions; every change is audited with the definition before and after.</summary>
public sealed class SegmentRepository(Db db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string ListSql = """
        SELECT id, segment_key, name, description, definition, updated_at, updated_by FROM segments ORDER BY name, id
        """;

    public Task<IReadOnlyList<Segment>> ListAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Segment>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(ListSql, cancellationToken: ct))).Select(r => r.ToSegment()).ToList(), ct);

    private const string FindByKeySql = """
        SELECT id, segment_key, name, description, definition, updated_at, updated_by FROM segments WHERE segment_key = @Key
        """;
    private const string InsertSql = """
        INSERT INTO segments (segment_key, name, description, definition, updated_at, updated_by)
        VALUES (@Key, @Name, @Description, @Definition, @Now, @Actor)
        """;
    private const string UpdateSql = """
        UPDATE segments SET name = @Name, description = @Description, definition = @Definition, updated_at = @Now, updated_by = @Actor
        WHERE segment_key = @Key
        """;

    /// <summary>Creates or replaces the segment with this key (the caller validated the definition).</summary>
    public Task SaveAsync(string key, string name, string? description, SegmentDefinition definition, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => SaveAsync(c, t, key, name, description, definition, actor, now, ct), ct);

    public static async Task SaveAsync(DbConnection c, DbTransaction t, string key, string name, string? description, SegmentDefinition definition, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var before = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindByKeySql, new { Key = key }, t, cancellationToken: ct));
        var parameters = new { Key = key, Name = name, Description = description, Definition = JsonSerializer.Serialize(definition, Json), Now = UnixTime.ToMs(now), Actor = actor };
        await c.ExecuteAsync(new CommandDefinition(before is null ? InsertSql : UpdateSql, parameters, t, cancellationToken: ct));
        await AuditLog.AppendAsync(c, t, actor, before is null ? "segment.created" : "segment.changed", key,
            new { name, before = before?.ToSegment().Definition.Describe(), after = definition.Describe() }, now, ct);
    }

    private const string DeleteSql = """
        DELETE FROM segments WHERE segment_key = @Key
        """;

    public Task<bool> DeleteAsync(string key, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var before = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindByKeySql, new { Key = key }, t, cancellationToken: ct));
            if (before is null)
            {
                return false;
            }
            await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { Key = key }, t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "segment.deleted", key, new { before = before.ToSegment().Definition.Describe() }, now, ct);
            return true;
        }, ct);

    private sealed class Row
    {
        public long Id { get; init; }
        public string SegmentKey { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string Definition { get; init; } = "";
        public long UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";

        public Segment ToSegment() => new(Id, SegmentKey, Name, Description,
            JsonSerializer.Deserialize<SegmentDefinition>(Definition, Json)!, UnixTime.FromMs(UpdatedAt), UpdatedBy);
    }
}
