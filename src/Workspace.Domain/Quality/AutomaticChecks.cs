namespace Workspace.Domain.Quality;

/// <summary>The automatic checks of a reviewed conversation, always the same four in the same order.</summary>
public static class AutomaticChecks
{
    public const string FirstResponseWithinSla = "first-response-sla";
    public const string TemplateOrSignalUsed = "template-or-signal";
    public const string NoReassignment = "no-reassignment";
    public const string CsatReceived = "csat-received";

    /// <param name="facts">The conversation as it stands.</param>
    /// <param name="now">When the review is looked at: an unanswered conversation fails the SLA check only once its target has passed.</param>
    public static IReadOnlyList<AutomaticCheck> For(ReviewedConversationFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [FirstResponse(facts, now), Personalization(facts), Reassignment(facts), Csat(facts)];
    }

    private static AutomaticCheck FirstResponse(ReviewedConversationFacts f, DateTimeOffset now)
    {
        const string Label = "First response within SLA";
        if (f.FirstResponseDueAt is not { } due)
        {
            return new(FirstResponseWithinSla, Label, null, "No first-response target was set.");
        }
        var target = Durations.Show(due - f.CreatedAt);
        if (f.FirstResponseAt is { } answered)
        {
            var after = Durations.Show(answered - f.CreatedAt);
            return answered <= due
                ? new(FirstResponseWithinSla, Label, true, $"First reply after {after}, within the {target} target.")
                : new(FirstResponseWithinSla, Label, false, $"First reply after {after}, {Durations.Show(answered - due)} past the {target} target.");
        }
        // Without a reply the customer waited until resolution, or is still waiting now.
        var waitedUntil = f.ResolvedAt ?? now;
        if (waitedUntil > due)
        {
            return new(FirstResponseWithinSla, Label, false, $"No agent reply before the {target} target passed.");
        }
        return new(FirstResponseWithinSla, Label, null, f.ResolvedAt is null
            ? $"No agent reply yet; the {target} target has not passed."
            : "Resolved without an agent reply, before the target passed.");
    }

    private static AutomaticCheck Personalization(ReviewedConversationFacts f)
    {
        const string Label = "Template or context signal used";
        if (f.AgentMessages == 0)
        {
            return new(TemplateOrSignalUsed, Label, null, "No agent reply yet.");
        }
        return (f.UsedTemplate, f.SignalShown) switch
        {
            (true, true) => new(TemplateOrSignalUsed, Label, true, "A template was used and context signals were in view."),
            (true, false) => new(TemplateOrSignalUsed, Label, true, "A template was used."),
            (false, true) => new(TemplateOrSignalUsed, Label, true, "Context signals were in view while replying."),
            (false, false) => new(TemplateOrSignalUsed, Label, false, "No template used and no context signal in view."),
        };
    }

    private static AutomaticCheck Reassignment(ReviewedConversationFacts f)
    {
        const string Label = "No reassignment";
        if (!f.Assigned)
        {
            return new(NoReassignment, Label, null, "Never assigned to an agent.");
        }
        return f.Reassignments switch
        {
            <= 0 => new(NoReassignment, Label, true, "Stayed where routing placed it."),
            1 => new(NoReassignment, Label, false, "Moved once after routing (a transfer, an escalation or a return to the queue)."),
            var n => new(NoReassignment, Label, false, $"Moved {n} times after routing (transfers, escalations or returns to the queue)."),
        };
    }

    private static AutomaticCheck Csat(ReviewedConversationFacts f)
    {
        const string Label = "CSAT received";
        if (f.Csat is { } rating)
        {
            return new(CsatReceived, Label, true, $"Rated {rating} of 5.");
        }
        return f.ResolvedAt is null
            ? new(CsatReceived, Label, null, "Not resolved yet; the rating is asked for on resolution.")
            : new(CsatReceived, Label, false, "Resolved without a rating.");
    }
}
