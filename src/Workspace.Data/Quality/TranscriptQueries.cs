using Dapper;
using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Routing;
using Workspace.Domain.Conversations;
using Workspace.Domain.Quality.Timeline;

namespace Workspace.Data.Quality;

/// <summary>
/// What a conversation's transcript is assembled from: the conversation, every message (notes and the
/// text templates rendered included), every event with who caused it, the routing decision, and the
/// names of the teams and staff that events refer to by id. Read in one connection.
/// </summary>
public sealed class TranscriptQueries(Db db)
{
    private const string MessagesSql = """
        SELECT m.sequence, m.author_kind, u.display_name AS author_name, m.body, m.created_at,
               m.template_key, m.template_version, m.edited, m.template_rendered
        FROM messages m LEFT JOIN users u ON u.id = m.author_user_id
        WHERE m.conversation_id = @Id
        ORDER BY m.sequence
        """;
    private const string EventsSql = """
        SELECT e.id, e.at, e.kind, u.display_name AS actor_name, e.data
        FROM conversation_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.conversation_id = @Id
        ORDER BY e.id
        """;
    // Both tables hold staff and teams only (dozens of rows), and events name them by id inside their JSON data.
    private const string TeamNamesSql = """
        SELECT id, name FROM teams
        """;
    private const string StaffNamesSql = """
        SELECT id, display_name AS name FROM users
        """;

    /// <summary>The conversation and its timeline's material, or null when there is no such conversation.</summary>
    public async Task<TranscriptData?> LoadAsync(long conversationId, CancellationToken ct)
    {
        var loaded = await db.ReadAsync<TranscriptData?>(async c =>
        {
            var conversation = await ConversationRepository.GetAsync(c, null, conversationId, ct);
            if (conversation is null)
            {
                return null;
            }
            var parameters = new { Id = conversationId };
            var messages = (await c.QueryAsync<MessageRow>(new CommandDefinition(MessagesSql, parameters, cancellationToken: ct))).Select(r => r.ToMessage()).ToList();
            var events = (await c.QueryAsync<EventRow>(new CommandDefinition(EventsSql, parameters, cancellationToken: ct))).Select(r => r.ToEvent()).ToList();
            var teams = (await c.QueryAsync<NameRow>(new CommandDefinition(TeamNamesSql, cancellationToken: ct))).ToDictionary(r => r.Id, r => r.Name);
            var staff = (await c.QueryAsync<NameRow>(new CommandDefinition(StaffNamesSql, cancellationToken: ct))).ToDictionary(r => r.Id, r => r.Name);
            return new TranscriptData(conversation, new TimelineInput(messages, events, null, teams, staff));
        }, ct);
        if (loaded is null)
        {
            return null;
        }
        var routing = await new RoutingRepository(db).DecisionAsync(conversationId, ct);
        return loaded with { Timeline = loaded.Timeline with { Routing = routing } };
    }

    private sealed class MessageRow
    {
        public long Sequence { get; init; }
        public string AuthorKind { get; init; } = "";
        public string? AuthorName { get; init; }
        public string Body { get; init; } = "";
        public long CreatedAt { get; init; }
        public string? TemplateKey { get; init; }
        public int? TemplateVersion { get; init; }
        public bool Edited { get; init; }
        public string? TemplateRendered { get; init; }

        public TimelineMessage ToMessage() => new(Sequence, Enum.Parse<AuthorKind>(AuthorKind), AuthorName, Body, UnixTime.FromMs(CreatedAt),
            TemplateKey, TemplateVersion, Edited, TemplateRendered);
    }

    private sealed class EventRow
    {
        public long Id { get; init; }
        public long At { get; init; }
        public string Kind { get; init; } = "";
        public string? ActorName { get; init; }
        public string? Data { get; init; }

        public TimelineEvent ToEvent() => new(Id, UnixTime.FromMs(At), Kind, ActorName, Data);
    }

    private sealed class NameRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }
}
