using System.Globalization;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Conversations;

/// <summary>
/// What the specialist taking an escalation needs to know without re-reading the conversation.
/// The workspace prefills it from context; the agent completes and confirms it.
/// </summary>
public sealed record EscalationSummary(string PreviousAttempts, string CustomerImpact, string? BusinessContext)
{
    public const int MaxFieldLength = 2000;

    public static EscalationSummary? Validate(string? previousAttempts, string? customerImpact, string? businessContext, ValidationErrors errors)
    {
        var attempts = Check.RequiredText(errors, "previousAttempts", previousAttempts, MaxFieldLength);
        var impact = Check.RequiredText(errors, "customerImpact", customerImpact, MaxFieldLength);
        var business = Check.OptionalText(errors, "businessContext", businessContext, MaxFieldLength);
        return !errors.IsEmpty || attempts is null || impact is null ? null : new EscalationSummary(attempts, impact, business);
    }

    /// <summary>
    /// A starting point from what is known; the agent edits it before escalating. <paramref name="arr"/> is null when
    /// the agent may not see it unmasked: whatever the prefill holds ends up in the timeline everyone reads.
    /// </summary>
    public static EscalationSummary Prefill(int agentReplies, int previousConversations, int openConversations, string tier, string? lifecycleStage, decimal? arr)
    {
        var attempts = agentReplies == 0
            ? "No reply has been sent in this conversation yet."
            : $"{agentReplies} agent repl{(agentReplies == 1 ? "y" : "ies")} in this conversation; {previousConversations} earlier conversation{(previousConversations == 1 ? "" : "s")} with this customer.";
        var impact = openConversations > 1
            ? $"The customer has {openConversations} open conversations; describe what they cannot do."
            : "Describe what the customer cannot do and since when.";
        var business = $"{tier} customer{(arr is { } value ? $", ARR {value.ToString("N0", CultureInfo.InvariantCulture)}" : "")}{(lifecycleStage is null ? "" : $", {lifecycleStage}")}.";
        return new EscalationSummary(attempts, impact, business);
    }
}
