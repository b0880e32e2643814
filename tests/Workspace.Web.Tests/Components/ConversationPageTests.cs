using Bunit;
using Workspace.Data.Staff;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Inbox;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

public sealed class ConversationPageTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private ConversationService Service => App.Service<ConversationService>();

    private async Task<long> OpenChatAsync(string text)
    {
        var customerId = await App.EstablishedCustomerAsync("View Customer");
        var (conversation, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Subject", Guid.NewGuid().ToString("N"), text, CancellationToken.None);
        return conversation.Id;
    }

    private async Task<StaffScope> ScopeOfAsync(string email)
    {
        var user = (await App.Service<StaffRepository>().FindByEmailAsync(email, CancellationToken.None))!;
        return await Service.ScopeAsync(StaffAuth.ToPrincipal(user), CancellationToken.None);
    }

    [Fact]
    public async Task Render_CustomerMarkup_ShownAsTextNotElements()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        var id = await OpenChatAsync("<img src=x onerror=alert(1)> hello <b>there</b>");

        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() =>
        {
            var body = page.Find(".ws-message .ws-body");
            Assert.Equal("<img src=x onerror=alert(1)> hello <b>there</b>", body.TextContent);
            Assert.Empty(body.QuerySelectorAll("img, b"));
        });
    }

    [Fact]
    public async Task LiveReplyAndNote_WhileOpen_AppearInSequenceWithNoteMarked()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        var id = await OpenChatAsync("First question");
        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".ws-message")));
        var lead = await ScopeOfAsync(WorkspaceApp.LeadEmail);

        await Service.SendFromStaffAsync(lead, id, Guid.NewGuid().ToString("N"), "Looking into it", isNote: false, CancellationToken.None);
        await Service.SendFromStaffAsync(lead, id, Guid.NewGuid().ToString("N"), "Customer is on the old plan", isNote: true, CancellationToken.None);

        page.WaitForAssertion(() =>
        {
            var messages = page.FindAll(".ws-message");
            Assert.Equal(["1", "2", "3"], messages.Select(m => m.GetAttribute("data-sequence")));
            Assert.Contains("Internal note", messages[2].TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Internal note", messages[1].TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Composer_EmptyReply_SendDisabled()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        var id = await OpenChatAsync("Hello");

        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() =>
        {
            var send = page.FindAll("button").Single(b => b.TextContent.Trim() == "Send");
            Assert.True(send.HasAttribute("disabled"));
            Assert.NotNull(page.Find("textarea[aria-label=Reply]"));
        });
    }

    [Fact]
    public async Task Composer_TypeAndSend_StoresOnceAndClears()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        var id = await OpenChatAsync("Need a hand");
        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("textarea[aria-label=Reply]")));

        await page.InvokeAsync(() => page.Find("textarea[aria-label=Reply]").Input("On it!"));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Send").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains(page.FindAll(".ws-message .ws-body"), b => b.TextContent == "On it!");
            Assert.Equal("", page.Find("textarea[aria-label=Reply]").GetAttribute("value") ?? "");
        }, TimeSpan.FromSeconds(5));
        var stored = await App.Service<Workspace.Data.Conversations.ConversationRepository>().MessagesAfterAsync(id, 0, 10, includeNotes: true, CancellationToken.None);
        Assert.Single(stored, m => m.Body == "On it!");
    }

    [Fact]
    public async Task Render_AgentOfAnotherTeam_IsRefusedWithReason()
    {
        await SignInAsAsync("jonas.weber@demo.local");
        var id = await OpenChatAsync("General support question");

        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Contains("belongs to a team you are not in", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".ws-message"));
    }
}
