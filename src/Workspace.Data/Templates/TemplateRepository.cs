using System.Data.Common;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Routing;
using Workspace.Domain.Templates;

namespace Workspace.Data.Templates;

/// <summary>
/// The template library: published template versions (never changed), each template's draft with its
/// saved test cases, and versioned blocks. Publishing appends a version; rolling back publishes a copy
/// of an earlier one. Every change is audited with its list of changes in the same transaction.
/// </summary>
public sealed class TemplateRepository(Db db)
{
    private const string LiveTemplatesSql = """
        SELECT v.template_key, v.version, v.definition, v.test_cases, v.comment, v.changes, v.published_by, v.published_at
        FROM template_versions v
        WHERE v.version = (SELECT MAX(x.version) FROM template_versions x WHERE x.template_key = v.template_key)
        ORDER BY v.template_key
        """;
    private const string LiveBlocksSql = """
        SELECT b.block_name, b.version, b.body, b.comment, b.published_by, b.published_at
        FROM template_block_versions b
        WHERE b.version = (SELECT MAX(x.version) FROM template_block_versions x WHERE x.block_name = b.block_name)
        ORDER BY b.block_name
        """;

    /// <summary>The live library: every template's latest version and every block's latest body.</summary>
    public Task<TemplateLibrary> LibraryAsync(CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var templates = (await c.QueryAsync<VersionRow>(new CommandDefinition(LiveTemplatesSql, cancellationToken: ct))).Select(r => r.ToVersion()).ToList();
            var blocks = (await c.QueryAsync<BlockRow>(new CommandDefinition(LiveBlocksSql, cancellationToken: ct))).Select(r => r.ToBlock()).ToList();
            return new TemplateLibrary(templates, blocks);
        }, ct);

    private const string VersionsSql = """
        SELECT template_key, version, definition, test_cases, comment, changes, published_by, published_at
        FROM template_versions WHERE template_key = @Key ORDER BY version DESC
        """;

    public Task<IReadOnlyList<TemplateVersion>> VersionsAsync(string key, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<TemplateVersion>>(async c =>
            (await c.QueryAsync<VersionRow>(new CommandDefinition(VersionsSql, new { Key = key }, cancellationToken: ct))).Select(r => r.ToVersion()).ToList(), ct);

    private const string VersionSql = """
        SELECT template_key, version, definition, test_cases, comment, changes, published_by, published_at
        FROM template_versions WHERE template_key = @Key AND version = @Version
        """;

    public Task<TemplateVersion?> VersionAsync(string key, int version, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(VersionSql, new { Key = key, Version = version }, cancellationToken: ct)))?.ToVersion(), ct);

    private const string DraftsSql = """
        SELECT template_key, definition, test_cases, based_on_version, updated_by, updated_at FROM template_drafts ORDER BY template_key
        """;

    /// <summary>Every unpublished draft (new templates, and changes to published ones).</summary>
    public Task<IReadOnlyList<TemplateDraft>> DraftsAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<TemplateDraft>>(async c =>
            (await c.QueryAsync<DraftRow>(new CommandDefinition(DraftsSql, cancellationToken: ct))).Select(r => r.ToDraft()).ToList(), ct);

    private const string DraftSql = """
        SELECT template_key, definition, test_cases, based_on_version, updated_by, updated_at FROM template_drafts WHERE template_key = @Key
        """;
    private const string DeleteDraftSql = """
        DELETE FROM template_drafts WHERE template_key = @Key
        """;
    private const string InsertDraftSql = """
        INSERT INTO template_drafts (template_key, definition, test_cases, based_on_version, updated_by, updated_at)
        VALUES (@Key, @Definition, @TestCases, @BasedOn, @Actor, @Now)
        """;

    public Task<TemplateDraft?> DraftAsync(string key, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(DraftSql, new { Key = key }, cancellationToken: ct)))?.ToDraft(), ct);

    /// <summary>Saves a template's draft (the caller validated it), audited with what changed since the last save or the live version.</summary>
    public Task SaveDraftAsync(TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests, int? basedOn, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var before = (await c.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(DraftSql, new { definition.Key }, t, cancellationToken: ct)))?.ToDraft().Definition
                ?? (await LiveAsync(c, t, definition.Key, ct))?.Definition;
            await c.ExecuteAsync(new CommandDefinition(DeleteDraftSql, new { definition.Key }, t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(InsertDraftSql, new
            {
                definition.Key,
                Definition = RoutingJson.Write(definition),
                TestCases = RoutingJson.Write(tests),
                BasedOn = basedOn,
                Actor = actor,
                Now = UnixTime.ToMs(now),
            }, t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "template.draft-saved", $"template:{definition.Key}",
                new { basedOn, changes = TemplateChanges.Between(before, definition) }, now, ct);
        }, ct);

    public Task DiscardDraftAsync(string key, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(DeleteDraftSql, new { Key = key }, t, cancellationToken: ct)) > 0)
            {
                await AuditLog.AppendAsync(c, t, actor, "template.draft-discarded", $"template:{key}", null, now, ct);
            }
        }, ct);

    private const string LiveSql = """
        SELECT template_key, version, definition, test_cases, comment, changes, published_by, published_at
        FROM template_versions
        WHERE template_key = @Key AND version = (SELECT MAX(version) FROM template_versions WHERE template_key = @Key)
        """;
    // Held until commit: a second publish of the same template at the same moment waits, then sees the new
    // version and is refused politely instead of failing on the primary key.
    private const string LiveForWriteSqlite = LiveSql;
    private const string LiveForWriteSqlServer = """
        SELECT template_key, version, definition, test_cases, comment, changes, published_by, published_at
        FROM template_versions WITH (UPDLOCK, HOLDLOCK)
        WHERE template_key = @Key AND version = (SELECT MAX(version) FROM template_versions WITH (UPDLOCK, HOLDLOCK) WHERE template_key = @Key)
        """;
    private const string InsertVersionSql = """
        INSERT INTO template_versions (template_key, version, definition, test_cases, comment, changes, published_by, published_at)
        VALUES (@Key, @Version, @Definition, @TestCases, @Comment, @Changes, @Actor, @Now)
        """;

    /// <summary>
    /// Publishes a template (its test cases already passed, checked by the caller) as its next version, if
    /// its live version is still the one the lead started from; the draft is cleared.
    /// </summary>
    public Task<TemplatePublishOutcome> PublishAsync(TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests, int? expectedLive, string? comment,
        string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var live = await LiveAsync(c, t, definition.Key, ct, db.Dialect);
            if (live?.Version != expectedLive)
            {
                return new TemplatePublishOutcome(null, $"Version {live?.Version} of “{definition.Key}” was published by {live?.PublishedBy} meanwhile; review it before publishing.", []);
            }
            var (version, changes) = await InsertVersionAsync(c, t, live, definition, tests, comment, actor, now, ct);
            await c.ExecuteAsync(new CommandDefinition(DeleteDraftSql, new { definition.Key }, t, cancellationToken: ct));
            await AuditLog.AppendAsync(c, t, actor, "template.published", $"template:{definition.Key} v{version}", new { version, comment, changes }, now, ct);
            return new TemplatePublishOutcome(version, null, changes);
        }, ct);

    /// <summary>Makes an earlier version live again by publishing a copy of it as the next version.</summary>
    public Task<TemplatePublishOutcome> RollbackAsync(string key, int toVersion, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var target = (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(VersionSql, new { Key = key, Version = toVersion }, t, cancellationToken: ct)))?.ToVersion();
            if (target is null)
            {
                return new TemplatePublishOutcome(null, $"“{key}” has no version {toVersion}.", []);
            }
            var live = (await LiveAsync(c, t, key, ct, db.Dialect))!;
            if (live.Version == toVersion)
            {
                return new TemplatePublishOutcome(null, $"Version {toVersion} is already live.", []);
            }
            var (version, changes) = await InsertVersionAsync(c, t, live, target.Definition, target.TestCases, $"Rolled back to version {toVersion}.", actor, now, ct);
            await AuditLog.AppendAsync(c, t, actor, "template.rolled-back", $"template:{key} v{version}", new { version, toVersion, changes }, now, ct);
            return new TemplatePublishOutcome(version, null, changes);
        }, ct);

    /// <summary>Publishes inside the caller's transaction (the demo seed's library).</summary>
    public static async Task<int> PublishAsync(DbConnection c, DbTransaction t, TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests, string comment,
        string actor, DateTimeOffset now, CancellationToken ct)
    {
        var (version, changes) = await InsertVersionAsync(c, t, await LiveAsync(c, t, definition.Key, ct), definition, tests, comment, actor, now, ct);
        await AuditLog.AppendAsync(c, t, actor, "template.published", $"template:{definition.Key} v{version}", new { version, comment, changes }, now, ct);
        return version;
    }

    private static async Task<TemplateVersion?> LiveAsync(DbConnection c, DbTransaction t, string key, CancellationToken ct, ISqlDialect? dialect = null) =>
        (await c.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(dialect?.Pick(LiveForWriteSqlite, LiveForWriteSqlServer) ?? LiveSql,
            new { Key = key }, t, cancellationToken: ct)))?.ToVersion();

    private static async Task<(int Version, IReadOnlyList<string> Changes)> InsertVersionAsync(DbConnection c, DbTransaction t, TemplateVersion? live,
        TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests, string? comment, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var version = (live?.Version ?? 0) + 1;
        var changes = TemplateChanges.Between(live?.Definition, definition);
        await c.ExecuteAsync(new CommandDefinition(InsertVersionSql, new
        {
            definition.Key,
            Version = version,
            Definition = RoutingJson.Write(definition),
            TestCases = RoutingJson.Write(tests),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Changes = RoutingJson.Write(changes),
            Actor = actor,
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct));
        return (version, changes);
    }

    private const string BlockLiveSql = """
        SELECT block_name, version, body, comment, published_by, published_at
        FROM template_block_versions
        WHERE block_name = @Name AND version = (SELECT MAX(version) FROM template_block_versions WHERE block_name = @Name)
        """;
    private const string BlockLiveForWriteSqlite = BlockLiveSql;
    private const string BlockLiveForWriteSqlServer = """
        SELECT block_name, version, body, comment, published_by, published_at
        FROM template_block_versions WITH (UPDLOCK, HOLDLOCK)
        WHERE block_name = @Name AND version = (SELECT MAX(version) FROM template_block_versions WITH (UPDLOCK, HOLDLOCK) WHERE block_name = @Name)
        """;
    private const string InsertBlockSql = """
        INSERT INTO template_block_versions (block_name, version, body, comment, published_by, published_at)
        VALUES (@Name, @Version, @Body, @Comment, @Actor, @Now)
        """;

    /// <summary>Publishes a block's next version (the caller checked every template using it still passes its tests).</summary>
    public Task<TemplatePublishOutcome> PublishBlockAsync(TemplateBlock block, int? expectedLive, string? comment, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var live = (await c.QuerySingleOrDefaultAsync<BlockRow>(new CommandDefinition(db.Dialect.Pick(BlockLiveForWriteSqlite, BlockLiveForWriteSqlServer),
                new { block.Name }, t, cancellationToken: ct)))?.ToBlock();
            if (live?.Version != expectedLive)
            {
                return new TemplatePublishOutcome(null, $"Version {live?.Version} of block “{block.Name}” was published by {live?.PublishedBy} meanwhile; review it first.", []);
            }
            var version = await InsertBlockAsync(c, t, block, (live?.Version ?? 0) + 1, comment, actor, now, ct);
            var changes = TemplateChanges.Lines(live?.Block.Body, block.Body);
            await AuditLog.AppendAsync(c, t, actor, "template-block.published", $"block:{block.Name} v{version}", new { version, comment, changes }, now, ct);
            return new TemplatePublishOutcome(version, null, changes);
        }, ct);

    /// <summary>Publishes a block inside the caller's transaction (the demo seed).</summary>
    public static async Task<int> PublishBlockAsync(DbConnection c, DbTransaction t, TemplateBlock block, string comment, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var version = await InsertBlockAsync(c, t, block, 1, comment, actor, now, ct);
        await AuditLog.AppendAsync(c, t, actor, "template-block.published", $"block:{block.Name} v{version}", new { version, comment }, now, ct);
        return version;
    }

    private static async Task<int> InsertBlockAsync(DbConnection c, DbTransaction t, TemplateBlock block, int version, string? comment, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(InsertBlockSql, new
        {
            block.Name,
            Version = version,
            block.Body,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Actor = actor,
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct));
        return version;
    }

    private sealed class VersionRow
    {
        public string TemplateKey { get; init; } = "";
        public int Version { get; init; }
        public string Definition { get; init; } = "";
        public string TestCases { get; init; } = "[]";
        public string? Comment { get; init; }
        public string Changes { get; init; } = "[]";
        public string PublishedBy { get; init; } = "";
        public long PublishedAt { get; init; }

        public TemplateVersion ToVersion() => new(Version, RoutingJson.Read<TemplateDefinition>(Definition), RoutingJson.Read<List<TemplateTestCase>>(TestCases),
            Comment, RoutingJson.Read<List<string>>(Changes), PublishedBy, UnixTime.FromMs(PublishedAt));
    }

    private sealed class DraftRow
    {
        public string TemplateKey { get; init; } = "";
        public string Definition { get; init; } = "";
        public string TestCases { get; init; } = "[]";
        public int? BasedOnVersion { get; init; }
        public string UpdatedBy { get; init; } = "";
        public long UpdatedAt { get; init; }

        public TemplateDraft ToDraft() => new(RoutingJson.Read<TemplateDefinition>(Definition), RoutingJson.Read<List<TemplateTestCase>>(TestCases),
            BasedOnVersion, UpdatedBy, UnixTime.FromMs(UpdatedAt));
    }

    private sealed class BlockRow
    {
        public string BlockName { get; init; } = "";
        public int Version { get; init; }
        public string Body { get; init; } = "";
        public string? Comment { get; init; }
        public string PublishedBy { get; init; } = "";
        public long PublishedAt { get; init; }

        public BlockVersion ToBlock() => new(new TemplateBlock(BlockName, Body), Version, Comment, PublishedBy, UnixTime.FromMs(PublishedAt));
    }
}

public sealed record TemplateVersion(int Version, TemplateDefinition Definition, IReadOnlyList<TemplateTestCase> TestCases, string? Comment,
    IReadOnlyList<string> Changes, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record TemplateDraft(TemplateDefinition Definition, IReadOnlyList<TemplateTestCase> TestCases, int? BasedOnVersion, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record BlockVersion(TemplateBlock Block, int Version, string? Comment, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record TemplateLibrary(IReadOnlyList<TemplateVersion> Templates, IReadOnlyList<BlockVersion> Blocks)
{
    public IReadOnlyDictionary<string, string> BlockBodies => Blocks.ToDictionary(b => b.Block.Name, b => b.Block.Body, StringComparer.Ordinal);
}

public sealed record TemplatePublishOutcome(int? Version, string? Refusal, IReadOnlyList<string> Changes);
