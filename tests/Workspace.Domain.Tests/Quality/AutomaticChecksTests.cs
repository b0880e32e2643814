using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class AutomaticChecksTests
{
    private static readonly DateTimeOffset Opened = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Opened.AddMinutes(15);

    private static ReviewedConversationFacts Facts(
        int? firstReplyAfterMinutes = 5, int? resolvedAfterMinutes = 120, bool hasTarget = true, int? csat = 5, bool assigned = true,
        int reassignments = 0, int agentMessages = 3, bool usedTemplate = true, bool signalShown = false) => new(
        Opened,
        firstReplyAfterMinutes is { } r ? Opened.AddMinutes(r) : null,
        resolvedAfterMinutes is { } m ? Opened.AddMinutes(m) : null,
        hasTarget ? Due : null,
        csat, assigned, reassignments, agentMessages, usedTemplate, signalShown);

    private static AutomaticCheck Check(ReviewedConversationFacts facts, string key, DateTimeOffset? now = null) =>
        AutomaticChecks.For(facts, now ?? Opened.AddDays(1)).Single(c => c.Key == key);

    [Fact]
    public void For_AnyConversation_TheFourChecksInOrder()
    {
        var checks = AutomaticChecks.For(Facts(), Opened.AddDays(1));

        Assert.Equal(["First response within SLA", "Template or context signal used", "No reassignment", "CSAT received"], checks.Select(c => c.Label));
        Assert.All(checks, c => Assert.True(c.Passed));
    }

    [Fact]
    public void FirstResponse_RepliedBeforeTheTarget_Passes() =>
        Assert.Equal((true, "First reply after 12 min, within the 15 min target."),
            Show(Check(Facts(firstReplyAfterMinutes: 12), AutomaticChecks.FirstResponseWithinSla)));

    [Fact]
    public void FirstResponse_RepliedExactlyAtTheTarget_Passes() =>
        Assert.True(Check(Facts(firstReplyAfterMinutes: 15), AutomaticChecks.FirstResponseWithinSla).Passed);

    [Fact]
    public void FirstResponse_RepliedLate_FailsSayingByHowMuch() =>
        Assert.Equal((false, "First reply after 1 h 40 min, 1 h 25 min past the 15 min target."),
            Show(Check(Facts(firstReplyAfterMinutes: 100), AutomaticChecks.FirstResponseWithinSla)));

    [Fact]
    public void FirstResponse_NoTarget_NotApplicable() =>
        Assert.Equal((null, "No first-response target was set."),
            Show(Check(Facts(hasTarget: false), AutomaticChecks.FirstResponseWithinSla)));

    [Fact]
    public void FirstResponse_NoReplyTargetNotPassed_NotApplicableYet() =>
        Assert.Equal((null, "No agent reply yet; the 15 min target has not passed."),
            Show(Check(Facts(firstReplyAfterMinutes: null, resolvedAfterMinutes: null), AutomaticChecks.FirstResponseWithinSla, Opened.AddMinutes(10))));

    [Fact]
    public void FirstResponse_NoReplyTargetPassed_Fails() =>
        Assert.Equal((false, "No agent reply before the 15 min target passed."),
            Show(Check(Facts(firstReplyAfterMinutes: null, resolvedAfterMinutes: null), AutomaticChecks.FirstResponseWithinSla, Opened.AddMinutes(16))));

    [Fact]
    public void FirstResponse_ResolvedUnansweredBeforeTheTarget_NotApplicable() =>
        Assert.Equal((null, "Resolved without an agent reply, before the target passed."),
            Show(Check(Facts(firstReplyAfterMinutes: null, resolvedAfterMinutes: 3), AutomaticChecks.FirstResponseWithinSla)));

    [Fact]
    public void Personalization_TemplateUsed_Passes() =>
        Assert.Equal((true, "A template was used."), Show(Check(Facts(), AutomaticChecks.TemplateOrSignalUsed)));

    [Fact]
    public void Personalization_SignalInViewWithoutTemplate_Passes() =>
        Assert.Equal((true, "Context signals were in view while replying."),
            Show(Check(Facts(usedTemplate: false, signalShown: true), AutomaticChecks.TemplateOrSignalUsed)));

    [Fact]
    public void Personalization_Both_PassesNamingBoth() =>
        Assert.Equal((true, "A template was used and context signals were in view."),
            Show(Check(Facts(usedTemplate: true, signalShown: true), AutomaticChecks.TemplateOrSignalUsed)));

    [Fact]
    public void Personalization_Neither_Fails() =>
        Assert.Equal((false, "No template used and no context signal in view."),
            Show(Check(Facts(usedTemplate: false), AutomaticChecks.TemplateOrSignalUsed)));

    [Fact]
    public void Personalization_NoAgentReply_NotApplicable() =>
        Assert.Equal((null, "No agent reply yet."), Show(Check(Facts(agentMessages: 0, usedTemplate: false), AutomaticChecks.TemplateOrSignalUsed)));

    [Fact]
    public void Reassignment_None_Passes() =>
        Assert.Equal((true, "Stayed where routing placed it."), Show(Check(Facts(), AutomaticChecks.NoReassignment)));

    [Fact]
    public void Reassignment_Once_Fails() =>
        Assert.Equal((false, "Moved once after routing (a transfer, an escalation or a return to the queue)."), Show(Check(Facts(reassignments: 1), AutomaticChecks.NoReassignment)));

    [Fact]
    public void Reassignment_Twice_FailsWithTheCount() =>
        Assert.Equal((false, "Moved 2 times after routing (transfers, escalations or returns to the queue)."), Show(Check(Facts(reassignments: 2), AutomaticChecks.NoReassignment)));

    [Fact]
    public void Reassignment_NeverAssigned_NotApplicable() =>
        Assert.Equal((null, "Never assigned to an agent."), Show(Check(Facts(assigned: false), AutomaticChecks.NoReassignment)));

    [Fact]
    public void Csat_Rated_PassesWithTheRating() =>
        Assert.Equal((true, "Rated 2 of 5."), Show(Check(Facts(csat: 2), AutomaticChecks.CsatReceived)));

    [Fact]
    public void Csat_ResolvedUnrated_Fails() =>
        Assert.Equal((false, "Resolved without a rating."), Show(Check(Facts(csat: null), AutomaticChecks.CsatReceived)));

    [Fact]
    public void Csat_StillOpen_NotApplicable() =>
        Assert.Equal((null, "Not resolved yet; the rating is asked for on resolution."),
            Show(Check(Facts(csat: null, resolvedAfterMinutes: null), AutomaticChecks.CsatReceived)));

    private static (bool? Passed, string Reason) Show(AutomaticCheck check) => (check.Passed, check.Reason);
}
