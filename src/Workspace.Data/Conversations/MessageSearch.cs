using System.Data.Common;
using Dapper;
using Workspace.Data.Database;
using Workspace.Domain.Conversations;

namespace Workspace.Data.Conversations;

/// <summary>
/// Full-text search over message bodies with the database's own index: SQLite's FTS5 table, or on SQL Server
/// a word index (<c>message_terms</c>). Messages are indexed in the transaction that stores them, so a search
/// never scans every message and never misses an acknowledged one.
/// </summary>
public sealed class MessageSearch(Db db)
{
    private const string IndexSqlite = """
        INSERT INTO messages_fts (rowid, body) VALUES (@Id, @Body)
        """;
    private const string IndexSqlServer = """
        INSERT INTO message_terms (term, message_id)
        SELECT @Term, @Id WHERE NOT EXISTS (SELECT 1 FROM message_terms WHERE term = @Term AND message_id = @Id)
        """;

    /// <summary>Indexes one stored message inside the caller's transaction.</summary>
    public static async Task IndexAsync(DbConnection c, DbTransaction t, ISqlDialect dialect, long messageId, string body, CancellationToken ct)
    {
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            await c.ExecuteAsync(new CommandDefinition(IndexSqlite, new { Id = messageId, Body = body }, t, cancellationToken: ct));
            return;
        }
        foreach (var term in SearchTerms.Of(body))
        {
            await c.ExecuteAsync(new CommandDefinition(IndexSqlServer, new { Term = term, Id = messageId }, t, cancellationToken: ct));
        }
    }

    private const string CatchUpSqlite = """
        INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')
        """;
    private const string CatchUpSqlServer = """
        SELECT TOP (@Take) m.id, m.body,
               CASE WHEN EXISTS (SELECT 1 FROM message_terms x WHERE x.message_id = m.id) THEN 1 ELSE 0 END AS indexed
        FROM messages m WHERE m.id > @After ORDER BY m.id
        """;
    private const string WatermarkSql = """
        SELECT indexed_up_to_id FROM message_search_state WHERE id = 1
        """;
    private const string AdvanceWatermarkSql = """
        UPDATE message_search_state SET indexed_up_to_id = @Id WHERE id = 1
        """;

    /// <summary>
    /// Indexes messages stored without the repository (the demo seed's bulk insert, or rows from before the
    /// index existed): SQLite rebuilds its FTS5 index; SQL Server indexes every message past its watermark.
    /// </summary>
    public static async Task CatchUpAsync(DbConnection c, ISqlDialect dialect, CancellationToken ct)
    {
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            await c.ExecuteAsync(new CommandDefinition(CatchUpSqlite, cancellationToken: ct));
            return;
        }
        while (true)
        {
            await using var t = await c.BeginTransactionAsync(ct);
            var after = await c.ExecuteScalarAsync<long>(new CommandDefinition(WatermarkSql, transaction: t, cancellationToken: ct));
            var rows = (await c.QueryAsync<(long Id, string Body, int Indexed)>(new CommandDefinition(CatchUpSqlServer, new { After = after, Take = 2000 }, t, cancellationToken: ct))).ToList();
            if (rows.Count == 0)
            {
                return;
            }
            // Messages the repository stored since are indexed already; only bulk-loaded ones are not.
            foreach (var (id, body, _) in rows.Where(r => r.Indexed == 0))
            {
                await IndexAsync(c, t, dialect, id, body, ct);
            }
            await c.ExecuteAsync(new CommandDefinition(AdvanceWatermarkSql, new { Id = rows[^1].Id }, t, cancellationToken: ct));
            await t.CommitAsync(ct);
        }
    }

    /// <summary>The index catches up on the stored messages (start-up; after a bulk load).</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await CatchUpAsync(c, db.Dialect, ct);
    }

    /// <summary>The conversations (newest first, at most @TextCap) with a message holding every word (<see cref="AddTextParameters"/>).</summary>
    internal const string MatchingConversationsSqlite = """
        SELECT DISTINCT m.conversation_id
        FROM messages_fts f JOIN messages m ON m.id = f.rowid
        WHERE messages_fts MATCH @Match
        ORDER BY m.conversation_id DESC
        LIMIT @TextCap
        """;
    // Driven by a range seek on the word index for the last (prefix) word; every other word is an EXISTS seek
    // on the same index for that message. Unused word slots are NULL.
    internal const string MatchingConversationsSqlServer = """
        SELECT TOP (@TextCap) m.conversation_id
        FROM message_terms p JOIN messages m ON m.id = p.message_id
        WHERE p.term LIKE @Prefix
          AND (@T0 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T0))
          AND (@T1 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T1))
          AND (@T2 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T2))
          AND (@T3 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T3))
          AND (@T4 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T4))
          AND (@T5 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T5))
          AND (@T6 IS NULL OR EXISTS (SELECT 1 FROM message_terms t WHERE t.message_id = m.id AND t.term = @T6))
        GROUP BY m.conversation_id
        ORDER BY m.conversation_id DESC
        """;

    /// <summary>
    /// The words of a query as the matching statements take them: an FTS5 expression (<c>@Match</c>) on SQLite,
    /// the prefix word and the other words (<c>@Prefix</c>, <c>@T0</c>…) on SQL Server; all null for no words.
    /// </summary>
    internal static void AddTextParameters(DynamicParameters parameters, ISqlDialect dialect, IReadOnlyList<string> terms)
    {
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            // Terms are letters and digits only, so quoting each makes the FTS5 query safe.
            var match = terms.Count == 0 ? null : string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
            parameters.Add("Match", match, System.Data.DbType.String);
            return;
        }
        parameters.Add("Prefix", terms.Count == 0 ? null : terms[^1] + "%", System.Data.DbType.String);
        for (var i = 0; i < SearchTerms.MaxQueryTerms - 1; i++)
        {
            parameters.Add($"T{i}", i < terms.Count - 1 ? terms[i] : null, System.Data.DbType.String);
        }
    }

    /// <summary>
    /// The conversations (newest first, at most <paramref name="take"/>) with a message containing every word
    /// of the query, the last word also as a prefix ("invoi" finds "invoice"). An empty query finds nothing.
    /// </summary>
    public Task<IReadOnlyList<long>> ConversationIdsAsync(string query, int take, CancellationToken ct)
    {
        var terms = SearchTerms.Query(query);
        if (terms.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<long>>([]);
        }
        var parameters = new DynamicParameters();
        parameters.Add("TextCap", take);
        AddTextParameters(parameters, db.Dialect, terms);
        return db.ReadAsync<IReadOnlyList<long>>(async c =>
            (await c.QueryAsync<long>(new CommandDefinition(db.Dialect.Pick(MatchingConversationsSqlite, MatchingConversationsSqlServer), parameters,
                cancellationToken: ct))).ToList(), ct);
    }
}
