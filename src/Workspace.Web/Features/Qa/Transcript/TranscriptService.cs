using System.Security.Claims;
using Workspace.Data.Audit;
using Workspace.Data.Quality;
using Workspace.Domain.Conversations;
using Workspace.Domain.Quality.Timeline;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Privacy;

namespace Workspace.Web.Features.Qa.Transcript;

/// <summary>
/// A conversation's transcript for one viewer: refused unless <see cref="ConversationAccess.CanRead"/> lets
/// them read the conversation (QA, leads and admins any; agents their own and their teams'), masked by
/// their field policy, the same entries on screen and in the CSV export. Exports are audited.
/// </summary>
public sealed class TranscriptService(TranscriptQueries queries, ConversationService conversations, PrivacyService privacy, AuditLog audit, TimeProvider clock)
{
    public const string ExportedAction = "transcript.exported";

    public async Task<TranscriptResult> LoadAsync(ClaimsPrincipal user, long conversationId, CancellationToken ct)
    {
        // The role and teams as they are now, not as when the page opened.
        var staff = await conversations.ScopeAsync(user, ct);
        var data = await queries.LoadAsync(conversationId, ct);
        if (data is null)
        {
            return TranscriptResult.Refused(TranscriptRefusal.NotFound, $"Conversation {conversationId} does not exist.");
        }
        if (!ConversationAccess.CanRead(staff, data.Conversation.TeamId, data.Conversation.AssigneeId))
        {
            return TranscriptResult.Refused(TranscriptRefusal.NotAllowed, "This conversation belongs to a team you are not in.");
        }
        var viewer = await privacy.ForAsync(user, ct);
        var entries = TimelineAssembler.Assemble(data.Timeline, new TimelineViewer(viewer.Sees, TranscriptDiff.Words));
        return new TranscriptResult(new TranscriptView(data.Conversation, entries, staff), TranscriptRefusal.None, null);
    }

    /// <summary>
    /// The transcript as CSV rows, exactly as masked on screen; the export is audited with the conversation
    /// and the row count, a refusal as refused access.
    /// </summary>
    public async Task<TranscriptResult> ExportAsync(ClaimsPrincipal user, long conversationId, CancellationToken ct)
    {
        var result = await LoadAsync(user, conversationId, ct);
        var target = $"conversation:{conversationId}";
        if (result.Transcript is { } transcript)
        {
            await audit.AppendAsync(user.Actor(), ExportedAction, target,
                new { conversationId, rows = transcript.Entries.Count }, clock.GetUtcNow(), ct);
        }
        else if (result.Refusal == TranscriptRefusal.NotAllowed)
        {
            await audit.AppendAsync(user.Actor(), "access.refused", target, new { action = ExportedAction }, clock.GetUtcNow(), ct);
        }
        return result;
    }
}
