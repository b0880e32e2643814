namespace Workspace.Domain.Quality;

/// <summary>What each dashboard metric means, shown beside its chart; the computations in <see cref="Metrics"/> follow these words.</summary>
public static class MetricDefinitions
{
    public const string FirstResponseTime =
        "Minutes from a conversation being opened to the first agent reply: the median, and the 90th percentile (the time within which 90% got a reply, nearest rank). n: conversations with an agent reply.";

    public const string ResolutionTime =
        "Hours from a conversation being opened to being resolved: the median, and the 90th percentile (nearest rank). n: resolved conversations.";

    public const string FirstContactResolution =
        "Share of resolved conversations that were never reopened, never reassigned, and not followed by another conversation from the same customer within 7 days of being resolved. n: resolved conversations.";

    public const string RepeatContactRate =
        "Share of conversations whose customer opened another conversation within 7 days after this one was opened. n: conversations.";

    public const string Csat =
        "Average customer rating from 1 to 5, and the share rated 4 or 5. n: rated conversations.";

    public const string SlaAttainment =
        "Share of conversations with a first-response target whose first agent reply came at or before the target. A conversation still unanswered counts as missed once its target passed before the end of the period (or before now, for a period still running), and is left out until then. n: conversations counted.";

    public const string ReassignmentRate =
        "Share of conversations moved at least once after routing placed them: transferred, escalated to another team, or returned to the queue. n: conversations.";

    public const string TemplateUsageRate =
        "Share of agent messages sent from a template. n: agent messages.";

    public const string TemplateEditRate =
        "Share of messages sent from a template that the agent edited before sending. n: template messages.";

    public const string QaScore =
        "Average review score from 0 to 100 (weighted scorecard total, criteria not applicable left out). n: reviewed conversations with a scorable review.";
}
