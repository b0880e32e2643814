using Bunit;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Inbox;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>The inbox re-renders whenever any conversation changes (other tests create them too), so clicks run inside the renderer.</summary>
public sealed class InboxPageTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private async Task<(long ConversationId, string CustomerName)> OpenChatAsync(string text)
    {
        var name = $"Inbox Customer {Guid.NewGuid():N}"[..28];
        var customerId = await App.EstablishedCustomerAsync(name);
        var (conversation, _, _) = await App.Service<ConversationService>().OpenAsync(customerId, Channel.Chat, text, Guid.NewGuid().ToString("N"), text, CancellationToken.None);
        return (conversation.Id, name);
    }

    [Fact]
    public async Task Render_Agent_ShowsOwnViewsWithCountsButNotAll()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);

        var page = RenderWithPopovers<InboxPage>();

        page.WaitForAssertion(() =>
        {
            var tabs = page.FindAll("[role=tab]").Select(t => t.TextContent.Trim()).ToList();
            Assert.Equal(3, tabs.Count);
            Assert.StartsWith("Mine (", tabs[0], StringComparison.Ordinal);
            Assert.StartsWith("Team queue (", tabs[1], StringComparison.Ordinal);
            Assert.StartsWith("Unassigned (", tabs[2], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Render_Lead_AlsoShowsAll()
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);

        var page = RenderWithPopovers<InboxPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[role=tab]"), t => t.TextContent.Trim().StartsWith("All (", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NewConversation_WhileOpen_AppearsLiveInTeamQueueWithAssignButton()
    {
        await SignInAsAsync(WorkspaceApp.AgentEmail);
        var page = RenderWithPopovers<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[role=tab]").Count));
        await page.InvokeAsync(() => page.FindAll("[role=tab]")[1].Click());

        var (_, customerName) = await OpenChatAsync("My dashboards are empty <script>alert(1)</script>");

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("tr").Single(r => r.TextContent.Contains(customerName, StringComparison.Ordinal));
            Assert.Contains("My dashboards are empty <script>alert(1)</script>", row.TextContent, StringComparison.Ordinal);
            Assert.Empty(row.QuerySelectorAll("script"));
            Assert.NotNull(row.QuerySelector($"button[aria-label='Assign to me: {customerName}']"));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AssignToMe_Clicked_RowShowsTheAgentAsAssignee()
    {
        var agent = await SignInAsAsync(WorkspaceApp.AgentEmail);
        var (_, customerName) = await OpenChatAsync("Please help with invoices");
        var page = RenderWithPopovers<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[role=tab]").Count));
        await page.InvokeAsync(() => page.FindAll("[role=tab]")[2].Click());
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"button[aria-label='Assign to me: {customerName}']")));

        await page.InvokeAsync(() => page.Find($"button[aria-label='Assign to me: {customerName}']").Click());

        await page.InvokeAsync(() => page.FindAll("[role=tab]")[0].Click());
        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("tr").Single(r => r.TextContent.Contains(customerName, StringComparison.Ordinal));
            Assert.Contains(agent.DisplayName, row.TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(5));
    }
}
