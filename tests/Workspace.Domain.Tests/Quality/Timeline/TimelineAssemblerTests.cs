using System.Text.Json;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Privacy;
using Workspace.Domain.Quality.Timeline;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Quality.Timeline;

public class TimelineAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    /// <summary>Whole texts compared: enough for the assembler, which only passes the pieces on (the app diffs word by word).</summary>
    private static IReadOnlyList<DiffPiece> WholeTextDiff(string before, string after) =>
        before == after ? [new(DiffChange.Kept, before)] : [new(DiffChange.Removed, before), new(DiffChange.Added, after)];

    private static readonly TimelineViewer SeesAll = new(_ => true, WholeTextDiff);

    /// <summary>A QA reviewer under the default policy: contact and financial fields masked.</summary>
    private static readonly TimelineViewer SeesNoSensitive = new(f => f is not (FieldPolicy.Email or FieldPolicy.Arr or FieldPolicy.LifetimeValue), WholeTextDiff);

    private static string Json(object data) => JsonSerializer.Serialize(data);

    private static ConversationRouting Routing(DateTimeOffset at) => new(1, at, "Enterprise Success",
        new RoutingDecision(3, "enterprise", "Enterprise accounts",
            [new ConditionTrace("tier", RuleOperator.In, "Enterprise", "Enterprise", true), new ConditionTrace("arr", RuleOperator.AtLeast, "100000", "250000", true)],
            [new SkippedRule("outage", "Outages first", new ConditionTrace("intent", RuleOperator.Equals, "Outage", "Billing", false))],
            "Enterprise Success", Priority.P2, ["billing"], null, null, StickyPreference.None),
        new IntentDetection(Intent.Billing, ["invoice"], "“invoice” names billing"),
        new ComplexityScore(20, [new ComplexityPart("openIssues", 20, "two open issues")]),
        new RoutingSignals(Tier.Enterprise, 81, 250_000m, LifecycleStage.Maturity, false, Channel.Chat, false, 2, 4, ["enterprise-accounts"], "en", true, 1, 0, "invoice?"),
        new AssignmentAttempt(at, "routing", "Enterprise Success", 7, "Maya Chen", ["billing"], [new CandidateTrace(7, "Maya Chen", true, "least loaded (0 of 5)")]));

    private static TimelineInput Input(IReadOnlyList<TimelineMessage> messages, IReadOnlyList<TimelineEvent> events, ConversationRouting? routing = null) =>
        new(messages, events, routing, new Dictionary<long, string> { [1] = "General Support", [2] = "Enterprise Success" },
            new Dictionary<long, string> { [7] = "Maya Chen", [8] = "Alex Morgan" });

    /// <summary>
    /// A conversation through everything that can happen to it, as the app stores it: the opening transaction
    /// stores the opening, the first message, the routing and the assignment at one instant; events are given
    /// out of order to show the order comes from the assembler, not the input.
    /// </summary>
    private static TimelineInput Everything()
    {
        TimelineMessage[] messages =
        [
            new(1, AuthorKind.Customer, null, "Where is my invoice?", At(0)),
            new(2, AuthorKind.System, null, "We have your question.", At(0), "auto-ack", 2),
            new(3, AuthorKind.Agent, "Maya Chen", "Hi, here it is.", At(5), "invoice-copy", 4, true, "Hi Ada, here it is."),
            new(4, AuthorKind.Note, "Maya Chen", "@alex can you check billing?", At(6)),
            new(5, AuthorKind.Customer, null, "Thanks!", At(20)),
        ];
        TimelineEvent[] events =
        [
            new(14, At(30), "csat", null, Json(new { csat = 5 })),
            new(1, At(0), "opened", null, Json(new { channel = "Chat", team = 2 })),
            new(3, At(0), "assigned", null, Json(new { agentId = 7, agent = "Maya Chen", how = "routing", reason = "Assigned to Maya Chen, least loaded (0 of 5)." })),
            new(2, At(0), "routed", null, Json(new { version = 3, rule = "Enterprise accounts", team = "Enterprise Success", priority = "P2" })),
            new(4, At(7), "transferred", "Maya Chen", Json(new { fromTeam = "Enterprise Success", fromAgent = "Maya Chen", toTeamId = 1, toAgentId = 8, reason = "billing question" })),
            new(5, At(8), "returned-to-queue", null, Json(new { agentId = 8, agent = "Alex Morgan", reason = "Alex Morgan has been offline since 09:08 UTC, longer than the 5 min grace period." })),
            new(6, At(9), "assigned", "Alex Morgan", Json(new { agentId = 8, how = "claimed" })),
            new(7, At(10), "escalated", "Alex Morgan", Json(new { teamId = 2, PreviousAttempts = "1 agent reply", CustomerImpact = "Cannot pay", BusinessContext = "Enterprise customer, ARR 250,000, Maturity." })),
            new(8, At(11), "snoozed", "Alex Morgan", Json(new { until = At(15) })),
            new(9, At(15), "woke", null, null),
            new(10, At(16), "automation-skipped", null, Json(new { template = "auto-ack", reason = "The template “auto-ack” is not published." })),
            new(11, At(25), "resolved", "Alex Morgan", null),
            new(12, At(26), "reopened", "Alex Morgan", null),
            new(13, At(27), "resolved", "Alex Morgan", null),
            new(15, At(31), "review-flagged", "Quinn QA", Json(new { flag = "wrong routing" })),
        ];
        return Input(messages, events, Routing(At(0)));
    }

    [Fact]
    public void Assemble_EveryEventKind_AppearsOnceInOrder()
    {
        var input = Everything();

        var timeline = TimelineAssembler.Assemble(input, SeesAll);

        Assert.Equal(
        [
            TimelineEntryKind.Opened, TimelineEntryKind.CustomerMessage, TimelineEntryKind.Routed, TimelineEntryKind.Assigned, TimelineEntryKind.AutomatedReply,
            TimelineEntryKind.AgentReply, TimelineEntryKind.InternalNote, TimelineEntryKind.Transferred, TimelineEntryKind.ReturnedToQueue, TimelineEntryKind.Assigned,
            TimelineEntryKind.Escalated, TimelineEntryKind.Snoozed, TimelineEntryKind.Woke, TimelineEntryKind.AutomationSkipped, TimelineEntryKind.CustomerMessage,
            TimelineEntryKind.Resolved, TimelineEntryKind.Reopened, TimelineEntryKind.Resolved, TimelineEntryKind.Csat, TimelineEntryKind.Other,
        ], timeline.Select(e => e.Kind));
        Assert.Equal(input.Events.Select(e => e.Id).Order(), timeline.Where(e => e.EventId is not null).Select(e => e.EventId!.Value).Order());
        Assert.Equal([1L, 2, 3, 4, 5], timeline.Where(e => e.Sequence is not null).Select(e => e.Sequence!.Value).Order());
        Assert.Equal(timeline.Select(e => e.At).Order(), timeline.Select(e => e.At));
        // Every kind of the closed set but none is reached by this conversation.
        Assert.Equal(Enum.GetValues<TimelineEntryKind>().Order(), timeline.Select(e => e.Kind).Distinct().Order());
    }

    [Fact]
    public void Assemble_EveryEventKind_TitledAsAReviewerReadsIt()
    {
        var timeline = TimelineAssembler.Assemble(Everything(), SeesAll);

        Assert.Equal(
        [
            "Conversation opened (Chat) in Enterprise Success",
            "Customer message",
            "Routed by rule “Enterprise accounts” (ruleset version 3) to Enterprise Success, P2",
            "Assigned to Maya Chen (by routing, on arrival)",
            "Automated reply",
            "Reply from Maya Chen",
            "Internal note by Maya Chen",
            "Transferred from Enterprise Success (Maya Chen) to General Support (Alex Morgan)",
            "Returned to the queue: Alex Morgan went offline",
            "Assigned to Alex Morgan (claimed by the agent)",
            "Escalated to Enterprise Success",
            "Snoozed until 2026-05-01 09:15 UTC",
            "Woke from snooze: back in the open queue",
            "Automated reply not sent (template “auto-ack”)",
            "Customer message",
            "Resolved",
            "Reopened",
            "Resolved",
            "Customer rated the conversation 5 out of 5",
            "Event “review-flagged”",
        ], timeline.Select(e => e.Title));
        Assert.Equal(("Reason", "billing question"), timeline.Single(e => e.Kind == TimelineEntryKind.Transferred).Details.Select(d => (d.Label, d.Value)).Single());
        Assert.Contains("offline since 09:08 UTC", timeline.Single(e => e.Kind == TimelineEntryKind.ReturnedToQueue).Details.Single().Value, StringComparison.Ordinal);
        Assert.Equal(("flag", "wrong routing"), timeline[^1].Details.Select(d => (d.Label, d.Value)).Single());
        Assert.Equal("Where is my invoice?", timeline[1].Text);
    }

    [Fact]
    public void Assemble_SameInstant_OpeningThenMessageThenRoutingThenAssignmentThenAutomation()
    {
        TimelineMessage[] messages = [new(2, AuthorKind.System, null, "Automated", At(0), "ack", 1), new(1, AuthorKind.Customer, null, "Hello", At(0))];
        TimelineEvent[] events =
        [
            new(9, At(0), "automation-skipped", null, Json(new { template = "other", reason = "not published" })),
            new(3, At(0), "assigned", null, Json(new { agentId = 7, how = "routing" })),
            new(2, At(0), "routed", null, Json(new { version = 1, rule = "Default", team = "General Support", priority = "P3" })),
            new(1, At(0), "opened", null, Json(new { channel = "Email", team = 1 })),
        ];

        var timeline = TimelineAssembler.Assemble(Input(messages, events), SeesAll);

        Assert.Equal(
            [TimelineEntryKind.Opened, TimelineEntryKind.CustomerMessage, TimelineEntryKind.Routed, TimelineEntryKind.Assigned, TimelineEntryKind.AutomatedReply, TimelineEntryKind.AutomationSkipped],
            timeline.Select(e => e.Kind));
        Assert.Equal("Routed by rule “Default” (ruleset version 1) to General Support, P3", timeline[2].Title);
    }

    [Fact]
    public void Assemble_DecisionWithoutRoutedEvent_StillShownOnce()
    {
        var timeline = TimelineAssembler.Assemble(Input([new(1, AuthorKind.Customer, null, "Hello", At(0))], [], Routing(At(0))), SeesAll);

        Assert.Equal([TimelineEntryKind.CustomerMessage, TimelineEntryKind.Routed], timeline.Select(e => e.Kind));
        Assert.NotNull(timeline[1].Routing);
    }

    [Fact]
    public void Assemble_UnknownKindWithoutJson_KeptWithItsRawData()
    {
        var timeline = TimelineAssembler.Assemble(Input([], [new(1, At(0), "sla-breached", null, "not json")]), SeesAll);

        var entry = Assert.Single(timeline);
        Assert.Equal((TimelineEntryKind.Other, "Event “sla-breached”", "sla-breached"), (entry.Kind, entry.Title, entry.EventKind));
        Assert.Equal(("Data", "not json"), entry.Details.Select(d => (d.Label, d.Value)).Single());
    }

    [Fact]
    public void Assemble_EditedTemplateReply_RenderedTextAgainstSentText()
    {
        var timeline = TimelineAssembler.Assemble(Everything(), SeesAll);

        var reply = timeline.Single(e => e.Kind == TimelineEntryKind.AgentReply);
        var template = Assert.IsType<TemplateUse>(reply.Template);
        Assert.Equal(("invoice-copy", 4, true, "Hi Ada, here it is.", false), (template.Key, template.Version, template.Edited, template.Rendered, template.RenderedHidden));
        Assert.Equal([(DiffChange.Removed, "Hi Ada, here it is."), (DiffChange.Added, "Hi, here it is.")], template.Diff.Select(p => (p.Change, p.Text)));
        Assert.Equal([("Template", "“invoice-copy” version 4"), ("Edited", "yes")], reply.Details.Select(d => (d.Label, d.Value)));
    }

    [Fact]
    public void Assemble_ViewerWithoutTemplateFields_RemovedTextMaskedAndRenderedTextWithheld()
    {
        var timeline = TimelineAssembler.Assemble(Everything(), SeesNoSensitive);

        var template = timeline.Single(e => e.Kind == TimelineEntryKind.AgentReply).Template!;
        Assert.True(template.RenderedHidden);
        Assert.Null(template.Rendered);
        Assert.Equal([(DiffChange.Removed, "•••"), (DiffChange.Added, "Hi, here it is.")], template.Diff.Select(p => (p.Change, p.Text)));
    }

    [Fact]
    public void Assemble_UneditedTemplateReply_AllKept()
    {
        TimelineMessage[] messages = [new(1, AuthorKind.Agent, "Maya Chen", "Hello Ada", At(0), "hello", 1, false, "Hello Ada")];

        var template = TimelineAssembler.Assemble(Input(messages, []), SeesAll).Single().Template!;

        Assert.False(template.Edited);
        Assert.Equal([(DiffChange.Kept, "Hello Ada")], template.Diff.Select(p => (p.Change, p.Text)));
    }

    [Fact]
    public void Assemble_TemplateWithoutRecordedRendering_NoDiff()
    {
        var timeline = TimelineAssembler.Assemble(Everything(), SeesAll);

        var automated = timeline.Single(e => e.Kind == TimelineEntryKind.AutomatedReply);
        Assert.Equal(("auto-ack", 2, null), (automated.Template!.Key, automated.Template.Version, automated.Template.Rendered));
        Assert.False(automated.Template.HasDiff);
        Assert.Equal("no (sent as rendered, automatically)", automated.Details.Single(d => d.Label == "Edited").Value);
    }

    [Fact]
    public void Assemble_RoutingTrace_FullFactsForAViewerWhoSeesMoney()
    {
        var routed = TimelineAssembler.Assemble(Everything(), SeesAll).Single(e => e.Kind == TimelineEntryKind.Routed);

        var lines = routed.Details.Select(d => $"{d.Label}: {d.Value}").ToList();
        Assert.Contains("Rule: “Enterprise accounts” of ruleset version 3, after 1 rule(s) did not match", lines);
        Assert.Contains(lines, l => l.StartsWith("Outcome: Enterprise Success, P2, first response within", StringComparison.Ordinal) && l.EndsWith(", requires billing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Condition: ", StringComparison.Ordinal) && l.EndsWith(": actual 250000, held yes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Passed over: “Outages first”", StringComparison.Ordinal) && l.EndsWith("(actual Billing, held no)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Assignment: Assigned to Maya Chen, least loaded (0 of 5). (routing,", StringComparison.Ordinal));
        Assert.Contains("Candidate: Maya Chen: chosen, least loaded (0 of 5)", lines);
        Assert.Contains("Intent: “invoice” names billing", lines);
        Assert.Contains("Signal: ARR: 250,000", lines);
        Assert.Contains("Signal: Value score: 81", lines);
    }

    [Fact]
    public void Assemble_ViewerWithoutMoney_ArrValueScoreAndWhetherTheyHeldMasked()
    {
        var timeline = TimelineAssembler.Assemble(Everything(), SeesNoSensitive);

        var lines = timeline.Single(e => e.Kind == TimelineEntryKind.Routed).Details.Select(d => $"{d.Label}: {d.Value}").ToList();
        Assert.Contains(lines, l => l.StartsWith("Condition: ", StringComparison.Ordinal) && l.EndsWith(": actual •••, held hidden", StringComparison.Ordinal));
        Assert.Contains("Signal: ARR: •••", lines);
        Assert.Contains("Signal: Value score: •••", lines);
        Assert.DoesNotContain(lines, l => l.Contains("250", StringComparison.Ordinal) || l.Contains("81", StringComparison.Ordinal));
        Assert.Equal("Enterprise customer, ARR •••, Maturity.", timeline.Single(e => e.Kind == TimelineEntryKind.Escalated).Details.Single(d => d.Label == "Business context").Value);
    }
}
