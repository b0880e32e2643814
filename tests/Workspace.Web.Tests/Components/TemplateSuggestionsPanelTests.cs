using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Inbox;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// Templates in the composer: an agent of General Support writes in a billing conversation of a customer of
/// the test's own (an established Starter customer, routed there by the demo ruleset's default rule), sees the
/// suggestions with their reasons, previews one for this customer, inserts it and sends it.
/// </summary>
public sealed partial class TemplateSuggestionsPanelTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);

    private ConversationService Service => App.Service<ConversationService>();

    private ConversationRepository Repository => App.Service<ConversationRepository>();

    /// <summary>Signs in as the General Support agent and opens a billing conversation for a new customer named Tessa Marsh.</summary>
    private async Task<(ConversationRecord Conversation, StaffScope Staff, string AgentName)> BillingConversationAsync()
    {
        var agent = await SignInAsAsync(WorkspaceApp.AgentEmail);
        var customerId = await App.EstablishedCustomerAsync("Tessa Marsh");
        var (opened, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Invoice", Guid.NewGuid().ToString("N"), "I was charged twice on my invoice", Ct);
        var conversation = (await Repository.GetAsync(opened.Id, Ct))!;
        Assert.Equal("General Support", conversation.TeamName);
        return (conversation, await App.ScopeAsync(WorkspaceApp.AgentEmail), agent.DisplayName);
    }

    private IRenderedComponent<Composer> RenderComposer(ConversationRecord conversation, StaffScope staff) =>
        RenderWithPopovers<Composer>(p => p.Add(c => c.Conversation, conversation).Add(c => c.Staff, staff));

    private static async Task ExpandAsync(IRenderedComponent<IComponent> cut)
    {
        var header = cut.FindAll(".mud-expand-panel-header").Single(h => Text(h) == "Templates");
        await cut.InvokeAsync(() => header.ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("ul[aria-label='Suggested templates'] li")), Slow);
    }

    /// <summary>The suggestions as shown: the template's name on its button, and the reason beside it.</summary>
    private static List<(string Name, string Reason)> Suggestions(IRenderedComponent<IComponent> cut) =>
        [.. cut.FindAll("ul[aria-label='Suggested templates'] li").Select(li => (Text(li.QuerySelector("button")!), Text(li.QuerySelector(".mud-typography")!)))];

    private static async Task ChooseAsync(IRenderedComponent<IComponent> cut, string name)
    {
        var button = cut.FindAll("ul[aria-label='Suggested templates'] li button").SingleOrDefault(b => Text(b) == name);
        Assert.True(button is not null, $"“{name}” is not among the suggestions: {string.Join(", ", Suggestions(cut).Select(s => s.Name))}.");
        await cut.InvokeAsync(() => button.ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("section[aria-label='Template preview']")), Slow);
    }

    private static IElement? ButtonOrNull(IRenderedComponent<IComponent> cut, string text) => cut.FindAll("button").SingleOrDefault(b => Text(b) == text);

    private static IElement Button(IRenderedComponent<IComponent> cut, string text) =>
        ButtonOrNull(cut, text) ?? throw new InvalidOperationException($"No button “{text}”.");

    private static string ReplyValue(IRenderedComponent<IComponent> cut) => cut.Find("textarea[aria-label=Reply]").GetAttribute("value") ?? "";

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    /// <summary>The text of the preview, as it would be inserted (line breaks kept).</summary>
    private static string PreviewText(IRenderedComponent<IComponent> cut) => cut.Find("[data-testid=template-preview]").TextContent.Trim();

    private async Task<MessageRecord> SentReplyAsync(long conversationId)
    {
        var stored = await Repository.MessagesAfterAsync(conversationId, 0, 20, includeNotes: true, Ct);
        return Assert.Single(stored, m => m.AuthorKind == AuthorKind.Agent);
    }

    private static async Task SendAsync(IRenderedComponent<IComponent> cut)
    {
        await cut.InvokeAsync(() => Button(cut, "Send").ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.Equal("", ReplyValue(cut)), Slow);
    }

    [Fact]
    public async Task Expand_BillingConversation_InvoiceAndRefundFirstBecauseOfTheIntent()
    {
        var (conversation, staff, _) = await BillingConversationAsync();
        var cut = RenderComposer(conversation, staff);
        Assert.Empty(cut.FindAll("ul[aria-label='Suggested templates']"));

        await ExpandAsync(cut);

        var suggestions = Suggestions(cut);
        Assert.Equal([("Invoice question", "intent Billing"), ("Refund confirmation", "intent Billing")], suggestions.Take(2));
        // Then the template for the customer's stage (an established Starter customer is adopting), then general ones.
        Assert.Equal(("Feature adoption: a feature not used yet", "customer in Adoption"), suggestions[2]);
        Assert.All(suggestions.Skip(3), s => Assert.Equal("general purpose", s.Reason));
        Assert.Equal(5, suggestions.Count);
    }

    [Fact]
    public async Task Choose_InvoiceQuestion_PreviewRenderedForThisCustomerAndAgent()
    {
        var (conversation, staff, agentName) = await BillingConversationAsync();
        var cut = RenderComposer(conversation, staff);
        await ExpandAsync(cut);

        await ChooseAsync(cut, "Invoice question");

        var preview = PreviewText(cut);
        // The customer is an intermediate user, so the preview uses the concise tone; the sign-off names the agent.
        Assert.StartsWith("Hi Tessa,", preview, StringComparison.Ordinal);
        Assert.Contains("I've checked your invoice (Starter Monthly)", preview, StringComparison.Ordinal);
        Assert.EndsWith(agentName.Split(' ')[0], preview, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", preview, StringComparison.Ordinal);
        Assert.NotNull(ButtonOrNull(cut, "Insert"));
    }

    [Fact]
    public async Task Insert_ThenSend_StoresTheTemplateVersionUnedited()
    {
        var (conversation, staff, _) = await BillingConversationAsync();
        var cut = RenderComposer(conversation, staff);
        await ExpandAsync(cut);
        await ChooseAsync(cut, "Invoice question");
        var preview = PreviewText(cut);

        await cut.InvokeAsync(() => Button(cut, "Insert").ClickAsync(new MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal(preview, ReplyValue(cut)), Slow);
        await SendAsync(cut);
        var sent = await SentReplyAsync(conversation.Id);
        Assert.Equal("invoice-question", sent.TemplateKey);
        Assert.Equal(1, sent.TemplateVersion);
        Assert.False(sent.Edited);
        Assert.StartsWith("Hi Tessa,", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_ThenTypeMore_StoredAsEdited()
    {
        var (conversation, staff, _) = await BillingConversationAsync();
        var cut = RenderComposer(conversation, staff);
        await ExpandAsync(cut);
        await ChooseAsync(cut, "Refund confirmation");
        await cut.InvokeAsync(() => Button(cut, "Insert").ClickAsync(new MouseEventArgs()));
        cut.WaitForAssertion(() => Assert.StartsWith("Hi Tessa,", ReplyValue(cut), StringComparison.Ordinal), Slow);

        await cut.InvokeAsync(() => cut.Find("textarea[aria-label=Reply]").Input(ReplyValue(cut) + "\n\nP.S. The duplicate charge was a card network glitch."));
        await SendAsync(cut);

        var sent = await SentReplyAsync(conversation.Id);
        Assert.Equal("refund-confirmation", sent.TemplateKey);
        Assert.Equal(1, sent.TemplateVersion);
        Assert.True(sent.Edited);
        Assert.Contains("3–5 business days", sent.Body, StringComparison.Ordinal);
        Assert.EndsWith("P.S. The duplicate charge was a card network glitch.", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TypedWithoutATemplate_StoresNoTemplate()
    {
        var (conversation, staff, _) = await BillingConversationAsync();
        var cut = RenderComposer(conversation, staff);

        await cut.InvokeAsync(() => cut.Find("textarea[aria-label=Reply]").Input("Let me check that charge."));
        await SendAsync(cut);

        var sent = await SentReplyAsync(conversation.Id);
        Assert.Null(sent.TemplateKey);
        Assert.Null(sent.TemplateVersion);
        Assert.False(sent.Edited);
    }

    [Fact]
    public async Task Choose_TemplateWhoseDataTheCustomerLacks_WarningNamesTheDataAndNoInsert()
    {
        var (conversation, staff, _) = await BillingConversationAsync();
        var cut = RenderComposer(conversation, staff);
        await ExpandAsync(cut);

        // The customer has never rated a conversation.
        await ChooseAsync(cut, "CSAT follow-up");

        var warning = cut.Find("section[aria-label='Template preview'] [role=status]");
        Assert.Contains("“CSAT follow-up” needs data this customer lacks: signals.last_csat.", Text(warning), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=template-preview]"));
        Assert.Null(ButtonOrNull(cut, "Insert"));
    }

    [Fact]
    public async Task Insert_PanelOnItsOwn_HandsOverTheKeyVersionAndRenderedText()
    {
        var (conversation, _, _) = await BillingConversationAsync();
        InsertedTemplate? inserted = null;
        var cut = RenderWithPopovers<TemplateSuggestionsPanel>(p => p.Add(c => c.Conversation, conversation).Add(c => c.OnInsert, t => inserted = t));
        await ExpandAsync(cut);
        await ChooseAsync(cut, "Invoice question");
        var preview = PreviewText(cut);

        await cut.InvokeAsync(() => Button(cut, "Insert").ClickAsync(new MouseEventArgs()));

        Assert.NotNull(inserted);
        Assert.Equal(("invoice-question", 1), (inserted.Key, inserted.Version));
        Assert.Equal(preview, inserted.Rendered.Trim());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
