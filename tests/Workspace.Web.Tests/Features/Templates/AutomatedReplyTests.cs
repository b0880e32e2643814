using System.Text.Json;
using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Templates;

/// <summary>The automation path: a rule's "reply with a published template and wait".</summary>
public sealed class AutomatedReplyTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConversationService Service => app.Service<ConversationService>();

    private async Task<ConversationRecord> OpenAsync()
    {
        var customerId = await app.EstablishedCustomerAsync("Automation Customer");
        var (conversation, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Invoice", Guid.NewGuid().ToString("N"), "I was charged twice on my invoice.", Ct);
        return conversation;
    }

    [Fact]
    public async Task AutoReply_PublishedTemplate_SentAsAutomatedMessageTheCustomerSeesAndTheConversationStaysQueued()
    {
        var conversation = await OpenAsync();

        var message = await Service.AutoReplyAsync(conversation, "invoice-question");

        Assert.NotNull(message);
        Assert.Equal(AuthorKind.System, message.AuthorKind);
        Assert.Equal("invoice-question", message.TemplateKey);
        Assert.Equal(1, message.TemplateVersion);
        Assert.False(message.Edited);
        Assert.StartsWith("Hi Automation,", message.Body, StringComparison.Ordinal);
        Assert.Contains("Starter Monthly", message.Body, StringComparison.Ordinal);
        var after = (await app.Service<ConversationRepository>().GetAsync(conversation.Id, Ct))!;
        Assert.Equal(ConversationStatus.Open, after.Status);
        Assert.Null(after.FirstResponseAt);
        Assert.Equal(conversation.TeamId, after.TeamId);
        using var api = app.CreateApiClient();
        using var response = await api.GetPathAsync($"/api/v1/conversations/{conversation.Id}/messages?after=0");
        var messages = (await response.JsonAsync()).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["customer", "system"], messages.Select(m => m.GetProperty("author").GetString()!.ToLowerInvariant()));
    }

    [Fact]
    public async Task AutoReply_Twice_SendsOnce()
    {
        var conversation = await OpenAsync();

        var first = await Service.AutoReplyAsync(conversation, "refund-confirmation");
        var second = await Service.AutoReplyAsync(conversation, "refund-confirmation");

        Assert.Equal(first!.Sequence, second!.Sequence);
        var stored = await app.Service<ConversationRepository>().MessagesAfterAsync(conversation.Id, 0, 10, includeNotes: true, Ct);
        Assert.Single(stored, m => m.AuthorKind == AuthorKind.System);
    }

    [Theory]
    [InlineData("onboarding-failed-step", "lacks data the template needs: recommendations.failed_step")]
    [InlineData("no-such-template", "is not published")]
    public async Task AutoReply_CannotRender_NothingSentAndTheTimelineSaysWhy(string template, string reason)
    {
        var conversation = await OpenAsync();

        var message = await Service.AutoReplyAsync(conversation, template);

        Assert.Null(message);
        var stored = await app.Service<ConversationRepository>().MessagesAfterAsync(conversation.Id, 0, 10, includeNotes: true, Ct);
        Assert.DoesNotContain(stored, m => m.AuthorKind == AuthorKind.System);
        var skipped = Assert.Single(await app.Service<ConversationRepository>().EventsAsync(conversation.Id, Ct), e => e.Kind == "automation-skipped");
        using var data = JsonDocument.Parse(skipped.Data!);
        Assert.Contains(reason, data.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
