using System.Text;
using Workspace.Domain.Quality.Timeline;

namespace Workspace.Web.Features.Qa.Transcript;

/// <summary>How timeline entries read as text, shared by the timeline and its CSV export so both say the same.</summary>
public static class TranscriptFormat
{
    public static string KindLabel(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.CustomerMessage => "Customer message",
        TimelineEntryKind.AgentReply => "Agent reply",
        TimelineEntryKind.InternalNote => "Internal note",
        TimelineEntryKind.AutomatedReply => "Automated reply",
        TimelineEntryKind.Opened => "Opened",
        TimelineEntryKind.Routed => "Routing decision",
        TimelineEntryKind.Assigned => "Assignment",
        TimelineEntryKind.Transferred => "Transfer",
        TimelineEntryKind.Escalated => "Escalation",
        TimelineEntryKind.ReturnedToQueue => "Returned to queue",
        TimelineEntryKind.Snoozed => "Snoozed",
        TimelineEntryKind.Woke => "Woke",
        TimelineEntryKind.Resolved => "Resolved",
        TimelineEntryKind.Reopened => "Reopened",
        TimelineEntryKind.Csat => "CSAT",
        TimelineEntryKind.AutomationSkipped => "Automation skipped",
        TimelineEntryKind.Other => "Other event",
    };

    public static bool IsMessage(TimelineEntryKind kind) =>
        kind is TimelineEntryKind.CustomerMessage or TimelineEntryKind.AgentReply or TimelineEntryKind.InternalNote or TimelineEntryKind.AutomatedReply;

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A diff as plain text, the way <c>git diff --word-diff</c> writes it: removed as [-…-], added as {+…+}.</summary>
    public static string DiffText(IReadOnlyList<DiffPiece> diff)
    {
        var text = new StringBuilder();
        foreach (var piece in diff)
        {
            text.Append(piece.Change switch
            {
                DiffChange.Removed => $"[-{piece.Text}-]",
                DiffChange.Added => $"{{+{piece.Text}+}}",
                DiffChange.Kept => piece.Text,
            });
        }
        return text.ToString();
    }

    public static string DetailsText(IReadOnlyList<TimelineDetail> details) =>
        string.Join("\n", details.Select(d => $"{d.Label}: {d.Value}"));
}
