using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Workspace.Data.Audit;
using Workspace.Data.Conversations;
using Workspace.Data.Routing;
using Workspace.Data.Templates;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Inbox;
using Workspace.Web.Features.Routing;
using Workspace.Web.Features.Templates;
using Workspace.Web.Tests.Components;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>
/// What a QA reviewer meets in the pages: the conversation view reads but offers nothing to write with,
/// and a page left open from a role that could write (the user's role changed to QA meanwhile) refuses
/// every click on the server, says so, and stores nothing. Routing and the demo templates are never
/// changed: only refused attempts touch them.
/// </summary>
public sealed partial class QaReadOnlyPagesTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private const string OnboardingKey = "onboarding-failed-step";
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);
    private static readonly string[] ActionButtons = ["Send", "Assign to me", "Transfer", "Escalate", "Snooze", "Resolve", "Reopen"];

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ConversationService Service => App.Service<ConversationService>();

    [Fact]
    public async Task ConversationPage_Qa_ShowsTranscriptWithoutComposerOrActions()
    {
        var id = await OpenChatAsync("My export keeps failing");
        var lead = await App.ScopeAsync(WorkspaceApp.LeadEmail);
        await App.RepliedAsync(lead, id, "Looking into it now.");
        await App.RepliedAsync(lead, id, "Probably the 10k row limit", isNote: true);
        await SignInAsAsync(WorkspaceApp.QaEmail);

        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal(["1", "2", "3"], page.FindAll(".ws-message").Select(m => m.GetAttribute("data-sequence"))), Slow);
        var thread = Text(page.Find(".ws-thread"));
        Assert.Contains("My export keeps failing", thread, StringComparison.Ordinal);
        Assert.Contains("Probably the 10k row limit", thread, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("textarea[aria-label=Reply], textarea[aria-label=Note]"));
        Assert.Empty(page.FindAll("[role=group][aria-label='Conversation actions']"));
        Assert.DoesNotContain(page.FindAll("button"), b => ActionButtons.Contains(Text(b)));
        Assert.Contains("your role does not allow writing in it", Text(page.Find(".mud-alert")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationPage_RoleBecameQaWhileOpen_SendAndEveryActionRefusedAndNothingStored()
    {
        var id = await OpenChatAsync("Can someone call me back?");
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("textarea[aria-label=Reply]")), Slow);
        await page.InvokeAsync(() => page.Find("textarea[aria-label=Reply]").Input("Sent by a reviewer"));
        var before = await ConversationRecordAsync(id);

        await SignInAsAsync(WorkspaceApp.QaEmail);
        await ClickAsync(page, Button(page, "Send"));
        page.WaitForAssertion(() => Assert.Contains("Not sent: Your role does not allow writing in this conversation.", page.FindAll("[role=alert]").Select(Text)));
        var refusals = new List<string>();
        foreach (var action in new[] { "Assign to me", "Resolve" })
        {
            await ClickAsync(page, Button(page, action));
            refusals.Add(ActionError(page));
        }
        await ClickAsync(page, Button(page, "Snooze"));
        await ClickAsync(page, Button(page, "In 1 hour"));
        refusals.Add(ActionError(page));
        await ClickAsync(page, Button(page, "Transfer"));
        page.WaitForAssertion(() => Button(page, "Transfer conversation"));
        await page.InvokeAsync(() => Field(page, "Reason").Change("Reviewer moving it"));
        await ClickAsync(page, Button(page, "Transfer conversation"));
        refusals.Add(ActionError(page));
        await ClickAsync(page, Button(page, "Escalate"));
        page.WaitForAssertion(() => Button(page, "Escalate conversation"), Slow);
        await page.InvokeAsync(() => Field(page, "Previous attempts").Change("Asked for the export file"));
        await page.InvokeAsync(() => Field(page, "Customer impact").Change("Cannot report to the board"));
        await ClickAsync(page, Button(page, "Escalate conversation"));
        refusals.Add(ActionError(page));

        Assert.Equal(
            ["Your role does not allow taking this conversation.", "Your role does not allow changing this conversation.",
             "Your role does not allow changing this conversation.", "Your role does not allow changing this conversation.",
             "Your role does not allow changing this conversation."],
            refusals);
        var after = await ConversationRecordAsync(id);
        Assert.Equal((before.Status, before.TeamId, before.AssigneeId, before.Escalated, 1L),
            (after.Status, after.TeamId, after.AssigneeId, after.Escalated, after.LastSequence));
    }

    [Fact]
    public async Task RulesPage_RoleBecameQaWhileOpen_SaveDraftAndPublishRefusedSaidAndAudited()
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var page = RenderWithPopovers<RulesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='Rule 3 condition 1'] input[type=text]")), Slow);
        await page.InvokeAsync(() => page.Find("[aria-label='Rule 3 condition 1'] input[type=text]").Input("75"));
        page.WaitForAssertion(() => Assert.False(Button(page, "Save draft").HasAttribute("disabled")));
        var routing = App.Service<RoutingRepository>();
        var live = await routing.ActiveVersionAsync(Ct);
        var audited = await QaRefusalsAsync("routing.draft-save", "routing.publish");

        await SignInAsAsync(WorkspaceApp.QaEmail);
        try
        {
            await ClickAsync(page, Button(page, "Save draft"));
            await ClickAsync(page, Button(page, "Publish"));

            Assert.NotEqual(WorkspaceApp.QaEmail, (await routing.DraftAsync(Ct))?.UpdatedBy);
            Assert.Equal(live, await routing.ActiveVersionAsync(Ct));
            // The snackbar shows a repeated message once; the audit log counts both refusals.
            Assert.Contains("Your role does not allow editing, simulating, publishing or rolling back routing rules.", Snackbars());
            Assert.Equal(audited + 2, await QaRefusalsAsync("routing.draft-save", "routing.publish"));
        }
        finally
        {
            // Should the refusal ever fail, the draft must not stay for the other tests sharing the app.
            if ((await routing.DraftAsync(CancellationToken.None))?.UpdatedBy == WorkspaceApp.QaEmail)
            {
                await routing.DiscardDraftAsync(WorkspaceApp.LeadEmail, DateTimeOffset.UtcNow, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task TemplatesPage_RoleBecameQaWhileOpen_SaveDraftPublishAndBlockPublishRefusedAndNothingStored()
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        var dialogs = Render<MudDialogProvider>();
        var page = RenderWithPopovers<TemplatesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=template-item-{OnboardingKey}]")), Slow);
        await ClickAsync(page, page.Find($"[data-testid=template-item-{OnboardingKey}]"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=template-body] textarea")), Slow);
        await page.InvokeAsync(() => page.Find("[data-testid=template-body] textarea").Input("Hello {{ customer.first_name }}, rewritten by a reviewer."));
        var templates = App.Service<TemplateRepository>();
        var library = await templates.LibraryAsync(Ct);
        var liveTemplate = library.Templates.Single(t => t.Definition.Key == OnboardingKey).Version;
        var liveBlock = library.Blocks.Single(b => b.Block.Name == "next-step").Version;
        var audited = await QaRefusalsAsync("template.draft-save", "template.publish", "template-block.publish");

        await SignInAsAsync(WorkspaceApp.QaEmail);
        try
        {
            await ClickAsync(page, Button(page, "Save draft"));
            await ClickAsync(page, Button(page, "Publish"));
            // Leaving the edited template asks first; the answer completes the click.
            var leaving = ClickAsync(page, page.Find("[data-testid=block-item-next-step]"));
            dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => Text(b) == "Leave"), Slow);
            await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => Text(b) == "Leave").ClickAsync(new MouseEventArgs()));
            await leaving;
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=block-body] textarea")), Slow);
            await page.InvokeAsync(() => page.Find("[data-testid=block-body] textarea").Input("Next: whatever a reviewer says."));
            await ClickAsync(page, Button(page, "Publish block"));

            Assert.NotEqual(WorkspaceApp.QaEmail, (await templates.DraftAsync(OnboardingKey, Ct))?.UpdatedBy);
            library = await templates.LibraryAsync(Ct);
            Assert.Equal(liveTemplate, library.Templates.Single(t => t.Definition.Key == OnboardingKey).Version);
            Assert.Equal(liveBlock, library.Blocks.Single(b => b.Block.Name == "next-step").Version);
            Assert.Contains("Your role no longer allows editing templates.", Snackbars());
            Assert.Equal(audited + 3, await QaRefusalsAsync("template.draft-save", "template.publish", "template-block.publish"));
        }
        finally
        {
            if ((await templates.DraftAsync(OnboardingKey, CancellationToken.None))?.UpdatedBy == WorkspaceApp.QaEmail)
            {
                await templates.DiscardDraftAsync(OnboardingKey, WorkspaceApp.LeadEmail, DateTimeOffset.UtcNow, CancellationToken.None);
            }
        }
    }

    private async Task<long> OpenChatAsync(string text)
    {
        var customerId = await App.EstablishedCustomerAsync("Reviewed Customer");
        var (conversation, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Review me", Guid.NewGuid().ToString("N"), text, Ct);
        return conversation.Id;
    }

    private async Task<ConversationRecord> ConversationRecordAsync(long id) => (await App.Service<ConversationRepository>().GetAsync(id, Ct))!;

    private async Task<int> QaRefusalsAsync(params string[] actions)
    {
        var (entries, _) = await App.Service<AuditLog>().PageAsync("access.refused", 0, 500, Ct);
        return entries.Count(e => e.Actor == WorkspaceApp.QaEmail && actions.Contains(e.Target));
    }

    private List<string> Snackbars() => [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "")];

    private static string ActionError<T>(IRenderedComponent<T> page)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        Text(page.Find("[role=group][aria-label='Conversation actions'] ~ .mud-alert[role=alert]"));

    private static IElement Button<T>(IRenderedComponent<T> page, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("button").Single(b => Text(b) == text);

    /// <summary>The input or text area of the field whose label reads <paramref name="label"/>.</summary>
    private static IElement Field<T>(IRenderedComponent<T> page, string label)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll($"[id='{page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for")}']").Single();

    private static Task ClickAsync<T>(IRenderedComponent<T> page, IElement element)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.InvokeAsync(() => element.ClickAsync(new MouseEventArgs()));

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
