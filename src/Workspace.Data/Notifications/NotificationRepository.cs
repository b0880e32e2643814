using Dapper;
using Workspace.Data.Database;

namespace Workspace.Data.Notifications;

/// <summary>Staff notifications (a mention in a note, a transfer to you); kept until read.</summary>
public sealed class NotificationRepository(Db db)
{
    private const string InsertSql = """
        INSERT INTO notifications (user_id, conversation_id, kind, text, at) VALUES (@UserId, @ConversationId, @Kind, @Text, @At)
        """;

    public Task AddAsync(IReadOnlyCollection<long> userIds, long? conversationId, string kind, string text, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            foreach (var userId in userIds)
            {
                await c.ExecuteAsync(new CommandDefinition(InsertSql,
                    new { UserId = userId, ConversationId = conversationId, Kind = kind, Text = text, At = UnixTime.ToMs(now) }, t, cancellationToken: ct));
            }
        }, ct);

    private const string UnreadSqlite = """
        SELECT id, user_id, conversation_id, kind, text, at, read_at FROM notifications
        WHERE user_id = @UserId AND read_at IS NULL ORDER BY id DESC LIMIT 50
        """;
    private const string UnreadSqlServer = """
        SELECT TOP (50) id, user_id, conversation_id, kind, text, at, read_at FROM notifications
        WHERE user_id = @UserId AND read_at IS NULL ORDER BY id DESC
        """;

    public Task<IReadOnlyList<Notification>> UnreadAsync(long userId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Notification>>(async c =>
            (await c.QueryAsync<Row>(new CommandDefinition(db.Dialect.Pick(UnreadSqlite, UnreadSqlServer), new { UserId = userId }, cancellationToken: ct)))
                .Select(r => new Notification(r.Id, r.UserId, r.ConversationId, r.Kind, r.Text, UnixTime.FromMs(r.At), UnixTime.FromMs(r.ReadAt))).ToList(), ct);

    private const string MarkReadSql = """
        UPDATE notifications SET read_at = @Now WHERE user_id = @UserId AND read_at IS NULL
        """;

    public Task MarkAllReadAsync(long userId, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(MarkReadSql, new { UserId = userId, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)), ct);

    private sealed class Row
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public long? ConversationId { get; init; }
        public string Kind { get; init; } = "";
        public string Text { get; init; } = "";
        public long At { get; init; }
        public long? ReadAt { get; init; }
    }
}
