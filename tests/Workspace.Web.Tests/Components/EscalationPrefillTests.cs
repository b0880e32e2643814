using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Inbox;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The escalation form's first draft ends up in the timeline everyone reads, so it holds ARR only for viewers who
/// see ARR unmasked: under the default policy a lead does, an agent (who may only reveal it) does not.
/// </summary>
public sealed class EscalationPrefillTests(WorkspaceApp app) : ComponentTestContext(app)
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<string> PrefilledBusinessContextAsync(string email)
    {
        var customerId = await App.EstablishedCustomerAsync("Escalated Customer");
        var (conversation, _, _) = await App.Service<ConversationService>().OpenAsync(customerId, Channel.Chat, "Broken export", Guid.NewGuid().ToString("N"),
            "The export is broken", Ct);
        await SignInAsAsync(email);
        var page = RenderWithPopovers<ConversationPage>(p => p.Add(c => c.Id, conversation.Id));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Escalate"), Slow);
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Escalate").ClickAsync(new MouseEventArgs()));
        IElement? field = null;
        page.WaitForAssertion(() =>
        {
            var label = page.FindAll("label").Single(l => l.TextContent.Trim() == "Business context");
            field = page.Find($"[id='{label.GetAttribute("for")}']");
            Assert.False(string.IsNullOrEmpty(field.GetAttribute("value") ?? field.TextContent));
        }, Slow);
        return field!.GetAttribute("value") ?? field.TextContent;
    }

    [Fact]
    public async Task Prefill_Lead_HoldsTheArr() =>
        Assert.Equal("Starter customer, ARR 1,200.", await PrefilledBusinessContextAsync(WorkspaceApp.LeadEmail));

    [Fact]
    public async Task Prefill_Agent_LeavesTheArrOut()
    {
        var context = await PrefilledBusinessContextAsync(WorkspaceApp.AgentEmail);

        Assert.DoesNotContain("ARR", context, StringComparison.Ordinal);
        Assert.DoesNotContain("1,200", context, StringComparison.Ordinal);
        Assert.StartsWith("Starter customer", context, StringComparison.Ordinal);
    }
}
