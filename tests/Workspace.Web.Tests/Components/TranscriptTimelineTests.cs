using Bunit;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Qa.Transcript;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The review timeline of a conversation: every entry in order, customer text shown as text, the template
/// diff, the routing decision opening onto its full trace, masking for the viewer, and refusal for an
/// agent of another team.
/// </summary>
public sealed class TranscriptTimelineTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private const string Markup = "<b>bold</b><script>alert('x')</script>";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ConversationService Service => App.Service<ConversationService>();

    /// <summary>A General Support conversation whose customer writes markup, answered by the lead from an edited template, with a note, then resolved.</summary>
    private async Task<long> ConversationAsync()
    {
        var customerId = await App.EstablishedCustomerAsync("Timeline Customer");
        var (conversation, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Timeline", Guid.NewGuid().ToString("N"), Markup, Ct);
        var lead = await App.ScopeAsync(WorkspaceApp.LeadEmail);
        var reply = await Service.SendFromStaffAsync(lead, conversation.Id, Guid.NewGuid().ToString("N"), "Hi, your invoice for June is attached.", false, Ct,
            new SentTemplate("invoice-question", 1, true, "Hi Ada, your invoice for May is attached."));
        Assert.True(reply.Succeeded, reply.Refusal);
        await App.RepliedAsync(lead, conversation.Id, "Checked with billing.", isNote: true);
        Assert.True((await Service.ResolveAsync(lead, conversation.Id, Ct)).Succeeded);
        return conversation.Id;
    }

    private async Task<IRenderedComponent<TranscriptTimeline>> RenderAsAsync(string email, long id)
    {
        await SignInAsAsync(email);
        var cut = RenderWithPopovers<TranscriptTimeline>(p => p.Add(c => c.ConversationId, id));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label='Loading the timeline']")));
        return cut;
    }

    private static List<string> Kinds(IRenderedComponent<TranscriptTimeline> cut) =>
        [.. cut.FindAll("ol[aria-label='Conversation timeline'] > li").Select(li => li.GetAttribute("aria-label")!)];

    [Fact]
    public async Task Render_Qa_EveryEntryInOrder()
    {
        var id = await ConversationAsync();

        var cut = await RenderAsAsync(WorkspaceApp.QaEmail, id);

        Assert.Equal(["Opened", "Customer message", "Routing decision", "Agent reply", "Internal note", "Resolved"], Kinds(cut));
        Assert.Contains("Routed by rule “Default” (ruleset version 1) to General Support, P3",
            cut.FindAll("[data-testid=entry-title]").Select(t => t.TextContent.Trim()));
        Assert.Equal("Checked with billing.", cut.FindAll("[data-testid=message-text]")[2].TextContent);
    }

    [Fact]
    public async Task Render_CustomerMarkup_ShownAsTextNeverAsHtml()
    {
        var id = await ConversationAsync();

        var cut = await RenderAsAsync(WorkspaceApp.QaEmail, id);

        var text = cut.FindAll("[data-testid=message-text]")[0];
        Assert.Equal(Markup, text.TextContent);
        Assert.Empty(text.QuerySelectorAll("b, script"));
    }

    [Fact]
    public async Task Render_Lead_TemplateDiffMarksWhatTheAgentChanged()
    {
        var id = await ConversationAsync();

        var cut = await RenderAsAsync(WorkspaceApp.LeadEmail, id);

        var diff = cut.Find("[data-testid=template-diff]");
        Assert.Contains("Ada", string.Concat(diff.QuerySelectorAll("del").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("May", string.Concat(diff.QuerySelectorAll("del").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("June", string.Concat(diff.QuerySelectorAll("ins").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("Template “invoice-question” version 1 · edited by the agent", cut.Find("[data-testid=template-use]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=template-masked]"));
    }

    [Fact]
    public async Task Render_QaUnderTheDefaultPolicy_RemovedTemplateTextMasked()
    {
        var id = await ConversationAsync();

        var cut = await RenderAsAsync(WorkspaceApp.QaEmail, id);

        var diff = cut.Find("[data-testid=template-diff]");
        Assert.Equal(["•••"], diff.QuerySelectorAll("del").Select(d => d.TextContent).Distinct());
        Assert.DoesNotContain("Ada", diff.TextContent, StringComparison.Ordinal);
        Assert.Contains("June", diff.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=template-masked]"));
    }

    [Fact]
    public async Task RoutingDecision_Qa_OpensOntoTheFullTraceWithArrMasked()
    {
        var id = await ConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.QaEmail, id);

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Why here?").Click());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("section[aria-label='Why here'] table")));
        var section = cut.Find("section[aria-label='Why here']");
        var captions = section.QuerySelectorAll("table caption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Rules passed over", captions);
        Assert.Contains("Signals at routing time", captions);
        Assert.DoesNotContain("1,200", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AgentOfAnotherTeam_RefusedWithoutTheConversation()
    {
        var id = await ConversationAsync();

        var cut = await RenderAsAsync("jonas.weber@demo.local", id);

        Assert.Equal("This conversation belongs to a team you are not in.", cut.Find("[role=alert]").TextContent.Trim());
        Assert.Empty(cut.FindAll("ol[aria-label='Conversation timeline']"));
        Assert.DoesNotContain("alert(", cut.Markup, StringComparison.Ordinal);
    }
}
