using System.Data.Common;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Quality;
using Workspace.Domain.Routing;

namespace Workspace.Data.Quality;

/// <summary>
/// Scorecards and their versions. Publishing appends a version and never changes an earlier one, so every review
/// keeps the criteria it was scored against; retiring marks the whole scorecard (all its versions) as closed to new
/// reviews. Every change is audited in the transaction that makes it.
/// </summary>
public sealed class ScorecardRepository(Db db)
{
    private const string Columns = "scorecard_key, version, name, criteria, retired, published_by, published_at";

    private const string CurrentSql = """
        SELECT s.scorecard_key, s.version, s.name, s.criteria, s.retired, s.published_by, s.published_at
        FROM scorecard_versions s
        WHERE s.version = (SELECT MAX(v.version) FROM scorecard_versions v WHERE v.scorecard_key = s.scorecard_key)
        ORDER BY s.name, s.scorecard_key
        """;

    /// <summary>The latest version of every scorecard, retired ones included (check <see cref="ScorecardVersion.Retired"/>), by name.</summary>
    public Task<IReadOnlyList<ScorecardVersion>> CurrentAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ScorecardVersion>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(CurrentSql, cancellationToken: ct))).Select(r => r.ToVersion()).ToList(), ct);

    private const string VersionSql = "SELECT " + Columns + " FROM scorecard_versions WHERE scorecard_key = @Key AND version = @Version";

    public Task<ScorecardVersion?> VersionAsync(string key, int version, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(VersionSql, new { Key = key, Version = version }, cancellationToken: ct)))?.ToVersion(), ct);

    private const string VersionsSql = "SELECT " + Columns + " FROM scorecard_versions WHERE scorecard_key = @Key ORDER BY version DESC";

    /// <summary>Every version of a scorecard, newest first; empty when there is no such scorecard.</summary>
    public Task<IReadOnlyList<ScorecardVersion>> VersionsAsync(string key, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<ScorecardVersion>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(VersionsSql, new { Key = key }, cancellationToken: ct))).Select(r => r.ToVersion()).ToList(), ct);

    private const string LatestForWriteSqlite = """
        SELECT version, published_by FROM scorecard_versions WHERE scorecard_key = @Key ORDER BY version DESC LIMIT 1
        """;
    // Held until commit: a second publish of the same scorecard waits, then sees the new version and is refused
    // politely instead of failing on the primary key.
    private const string LatestForWriteSqlServer = """
        SELECT TOP (1) version, published_by FROM scorecard_versions WITH (UPDLOCK, HOLDLOCK)
        WHERE scorecard_key = @Key ORDER BY version DESC
        """;

    private const string InsertSql = """
        INSERT INTO scorecard_versions (scorecard_key, version, name, criteria, retired, published_by, published_at)
        VALUES (@Key, @Version, @Name, @Criteria, 0, @Actor, @Now)
        """;

    /// <summary>
    /// Stores <paramref name="scorecard"/> as its next version if the latest is still <paramref name="expectedLatest"/>
    /// (null for a new scorecard); otherwise someone published meanwhile and nothing is stored. A new version is
    /// open to reviews again even when the scorecard was retired.
    /// </summary>
    /// <exception cref="ArgumentException">The scorecard is not valid; the caller validates first.</exception>
    public Task<ScorecardPublishOutcome> PublishAsync(Scorecard scorecard, int? expectedLatest, string actor, DateTimeOffset now, CancellationToken ct)
    {
        ThrowIfInvalid(scorecard);
        return db.WriteAsync(async (c, t) =>
        {
            var latest = await LatestInAsync(c, t, db.Dialect, scorecard.Key, ct);
            if (latest?.Version != expectedLatest)
            {
                return new ScorecardPublishOutcome(null, latest is null
                    ? $"The scorecard '{scorecard.Key}' no longer exists as expected; reload it before publishing."
                    : expectedLatest is null
                        ? $"A scorecard with the key '{scorecard.Key}' already exists (version {latest.Version}, by {latest.PublishedBy}); choose another key or edit that one."
                        : $"Version {latest.Version} was published by {latest.PublishedBy} meanwhile; reload it before publishing.");
            }
            var version = await InsertAsync(c, t, scorecard, (latest?.Version ?? 0) + 1, actor, now, ct);
            return new ScorecardPublishOutcome(version, null);
        }, ct);
    }

    /// <summary>Publishes inside the caller's transaction (the demo seed's first scorecard).</summary>
    public static async Task<int> PublishAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, Scorecard scorecard, string actor, DateTimeOffset now, CancellationToken ct)
    {
        ThrowIfInvalid(scorecard);
        var latest = await LatestInAsync(c, t, dialect, scorecard.Key, ct);
        return await InsertAsync(c, t, scorecard, (latest?.Version ?? 0) + 1, actor, now, ct);
    }

    private const string SetRetiredSql = """
        UPDATE scorecard_versions SET retired = @Retired WHERE scorecard_key = @Key AND retired <> @Retired
        """;

    /// <summary>Retires a scorecard (no new reviews against it; old reviews keep it) or brings it back; false when nothing changed.</summary>
    public Task<bool> SetRetiredAsync(string key, bool retired, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync(new CommandDefinition(SetRetiredSql, new { Key = key, Retired = retired ? 1 : 0 }, t, cancellationToken: ct));
            if (changed == 0)
            {
                return false;
            }
            await AuditLog.AppendAsync(c, t, actor, retired ? "scorecard.retired" : "scorecard.unretired", $"scorecard {key}", null, now, ct);
            return true;
        }, ct);

    private static void ThrowIfInvalid(Scorecard scorecard)
    {
        var errors = scorecard.Validate();
        if (!errors.IsEmpty)
        {
            throw new ArgumentException($"The scorecard is not valid: {errors.Messages}", nameof(scorecard));
        }
    }

    private static async Task<Latest?> LatestInAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, string key, CancellationToken ct)
    {
        var latest = await c.QuerySingleOrDefaultAsync<Latest>(new CommandDefinition(dialect.Pick(LatestForWriteSqlite, LatestForWriteSqlServer), new { Key = key }, t, cancellationToken: ct));
        return latest?.Version is null ? null : latest;
    }

    private static async Task<int> InsertAsync(DbConnection c, DbTransaction t, Scorecard scorecard, int version, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            scorecard.Key,
            Version = version,
            Name = scorecard.Name.Trim(),
            Criteria = RoutingJson.Write(scorecard.Criteria),
            Actor = actor,
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct));
        await AuditLog.AppendAsync(c, t, actor, "scorecard.published", $"scorecard {scorecard.Key} v{version}", new
        {
            version,
            name = scorecard.Name,
            criteria = scorecard.Criteria.Select(x => new { x.Id, x.Label, x.Weight, x.MaxScore, x.AllowNotApplicable }),
        }, now, ct);
        return version;
    }

    private sealed class Latest
    {
        public int? Version { get; init; }
        public string? PublishedBy { get; init; }
    }

    private sealed class Row
    {
        public string ScorecardKey { get; init; } = "";
        public int Version { get; init; }
        public string Name { get; init; } = "";
        public string Criteria { get; init; } = "[]";
        public bool Retired { get; init; }
        public string PublishedBy { get; init; } = "";
        public long PublishedAt { get; init; }

        public ScorecardVersion ToVersion() =>
            new(new Scorecard(ScorecardKey, Name, RoutingJson.Read<List<ScorecardCriterion>>(Criteria)), Version, Retired, PublishedBy, UnixTime.FromMs(PublishedAt));
    }
}
