using System.Data.Common;
using Dapper;

namespace Workspace.Data.Conversations;

/// <summary>
/// The per-conversation counters the metrics and QA search read (agent and template messages, reassignments,
/// reopens). The repository keeps them in step as it stores each message and event; data written in bulk
/// (the demo world) is counted once afterwards.
/// </summary>
public static class ConversationCounters
{
    private const string RecountSql = """
        UPDATE conversations SET
            agent_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'),
            template_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'
                                                                  AND m.template_key IS NOT NULL),
            edited_template_messages = (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id AND m.author_kind = 'Agent'
                                                                         AND m.template_key IS NOT NULL AND m.edited = 1),
            reassignments = (SELECT COUNT(*) FROM conversation_events e WHERE e.conversation_id = conversations.id
                                                                         AND e.kind IN ('transferred', 'escalated', 'returned-to-queue')),
            reopens = (SELECT COUNT(*) FROM conversation_events e WHERE e.conversation_id = conversations.id AND e.kind = 'reopened')
        """;

    /// <summary>Counts every conversation's counters again from its messages and events.</summary>
    public static Task RecountAsync(DbConnection c, DbTransaction t, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(RecountSql, transaction: t, commandTimeout: 600, cancellationToken: ct));
}
