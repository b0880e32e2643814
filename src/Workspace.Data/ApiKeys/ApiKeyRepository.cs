using System.Data.Common;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;

namespace Workspace.Data.ApiKeys;

/// <summary>API keys, stored only as hashes; creation and revocation are audited.</summary>
public sealed class ApiKeyRepository(Db db)
{
    private const string FindActiveByHashSql = """
        SELECT k.id, k.name, k.key_prefix, k.scope, k.created_at, u.email AS created_by, k.revoked_at
        FROM api_keys k LEFT JOIN users u ON u.id = k.created_by_user_id
        WHERE k.key_hash = @Hash AND k.revoked_at IS NULL
        """;

    public Task<ApiKey?> FindActiveAsync(string presentedKey, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindActiveByHashSql, new { Hash = ApiKeySecret.Hash(presentedKey) }, cancellationToken: ct));
            return row?.ToKey();
        }, ct);

    private const string ListSql = """
        SELECT k.id, k.name, k.key_prefix, k.scope, k.created_at, u.email AS created_by, k.revoked_at
        FROM api_keys k LEFT JOIN users u ON u.id = k.created_by_user_id
        ORDER BY k.revoked_at, k.created_at DESC, k.id DESC
        """;

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ApiKey>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(ListSql, cancellationToken: ct))).Select(r => r.ToKey()).ToList(), ct);

    private const string InsertSqlite = """
        INSERT INTO api_keys (name, key_prefix, key_hash, scope, created_by_user_id, created_at)
        VALUES (@Name, @Prefix, @Hash, @Scope, @CreatedBy, @Now)
        RETURNING id
        """;
    private const string InsertSqlServer = """
        INSERT INTO api_keys (name, key_prefix, key_hash, scope, created_by_user_id, created_at)
        OUTPUT INSERTED.id
        VALUES (@Name, @Prefix, @Hash, @Scope, @CreatedBy, @Now)
        """;

    /// <summary>Creates a key and returns its secret, which is never stored or shown again.</summary>
    public Task<(long Id, string Secret)> CreateAsync(string name, ApiKeyScope scope, long? createdByUserId, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var secret = ApiKeySecret.NewKey();
            var id = await InsertAsync(c, t, db.Dialect, name, secret, scope, createdByUserId, now, ct);
            await AuditLog.AppendAsync(c, t, actor, "api-key.created", name, new { prefix = ApiKeySecret.DisplayPrefix(secret), scope = scope.ToString() }, now, ct);
            return (id, secret);
        }, ct);

    /// <summary>Stores a key whose secret the caller already has (the demo key is fixed by contract).</summary>
    public static Task<long> InsertAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, string name, string secret, ApiKeyScope scope, long? createdByUserId, DateTimeOffset now, CancellationToken ct) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition(dialect.Pick(InsertSqlite, InsertSqlServer), new
        {
            Name = name,
            Prefix = ApiKeySecret.DisplayPrefix(secret),
            Hash = ApiKeySecret.Hash(secret),
            Scope = scope.ToString(),
            CreatedBy = createdByUserId,
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct));

    private const string RevokeSql = """
        UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL
        """;
    private const string NameOfKeySql = """
        SELECT name FROM api_keys WHERE id = @Id
        """;

    public Task<bool> RevokeAsync(long id, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync(new CommandDefinition(RevokeSql, new { Id = id, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct));
            if (changed == 0)
            {
                return false;
            }
            var name = await c.ExecuteScalarAsync<string>(new CommandDefinition(NameOfKeySql, new { Id = id }, t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "api-key.revoked", name, null, now, ct);
            return true;
        }, ct);

    private sealed class Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string KeyPrefix { get; init; } = "";
        public string Scope { get; init; } = "";
        public long CreatedAt { get; init; }
        public string? CreatedBy { get; init; }
        public long? RevokedAt { get; init; }

        public ApiKey ToKey() => new(Id, Name, KeyPrefix, Enum.Parse<ApiKeyScope>(Scope), UnixTime.FromMs(CreatedAt), CreatedBy, UnixTime.FromMs(RevokedAt));
    }
}
