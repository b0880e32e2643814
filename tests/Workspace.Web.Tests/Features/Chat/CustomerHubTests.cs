using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Chat;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Chat;

/// <summary>The widget's hub as an anonymous visitor uses it: sending, idempotency, order, limits.</summary>
public sealed class CustomerHubTests(WorkspaceApp app)
{
    [Fact]
    public async Task Start_AnonymousVisitor_GetsTokenAndNoConversation()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);

        var session = await widget.StartAsync();

        Assert.False(string.IsNullOrWhiteSpace(session.Token));
        Assert.False(session.Identified);
        Assert.Null(session.Conversation);
        Assert.Empty(session.Messages);
        Assert.StartsWith("Visitor ", session.CustomerName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BeforeStart_IsRefused()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);

        var error = await Assert.ThrowsAsync<HubException>(() => widget.SendAsync("Hello?"));

        Assert.Contains("Start the chat first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_FirstMessage_OpensConversationInGeneralSupportWithSequence1()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        await widget.StartAsync();

        var sent = await widget.SendAsync("  My export keeps failing.\n");

        Assert.Equal(1, sent.Sequence);
        Assert.Equal("customer", sent.Author);
        Assert.Equal("My export keeps failing.", sent.Body);
        var conversation = await api.ConversationAsync(sent.ConversationId);
        Assert.Equal("General Support", conversation.GetProperty("queue").GetProperty("team").GetString());
        Assert.Equal("Open", conversation.GetProperty("status").GetString());
        Assert.Equal("Chat", conversation.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("queue").GetProperty("assignee").ValueKind);
        var stored = Assert.Single(await api.MessagesAsync(sent.ConversationId));
        Assert.Equal("My export keeps failing.", stored.Body());
        Assert.Equal(sent.ClientMessageId, stored.GetProperty("clientMessageId").GetString());
    }

    [Fact]
    public async Task Send_SameClientMessageIdTwice_ReturnsOriginalAndStoresOnce()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        await widget.StartAsync();
        var first = await widget.SendAsync("First message");
        var clientId = HubCustomerClient.NewClientMessageId();

        var original = await widget.SendAsync("Please call me back", clientId);
        var retry = await widget.SendAsync("Please call me back", clientId);
        var retryWithOtherText = await widget.SendAsync("Edited before the retry", clientId);

        Assert.Equal(2, original.Sequence);
        Assert.Equal(original.Sequence, retry.Sequence);
        Assert.Equal(original.Sequence, retryWithOtherText.Sequence);
        Assert.Equal("Please call me back", retryWithOtherText.Body);
        var stored = await api.MessagesAsync(first.ConversationId);
        Assert.Equal([1L, 2L], stored.Select(m => m.Sequence()));
        Assert.Single(stored, m => m.GetProperty("clientMessageId").GetString() == clientId);
    }

    [Fact]
    public async Task Send_FirstMessageRetriedWithSameClientId_OpensOneConversation()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        await widget.StartAsync();
        var clientId = HubCustomerClient.NewClientMessageId();

        var first = await widget.SendAsync("Hello there", clientId);
        var retry = await widget.SendAsync("Hello there", clientId);

        Assert.Equal(first.ConversationId, retry.ConversationId);
        Assert.Equal(1, retry.Sequence);
        Assert.Single(await api.MessagesAsync(first.ConversationId));
    }

    /// <summary>
    /// The same visitor in two tabs writing their first messages at the same moment: both belong to
    /// one conversation, so each tab's history (and catch-up) holds both and agents see one thread.
    /// </summary>
    [Fact]
    public async Task Send_FirstMessagesFromTwoTabsAtOnce_LandInOneConversation()
    {
        using var api = app.CreateApiClient();
        for (var round = 0; round < 3; round++)
        {
            await using var firstTab = await HubCustomerClient.ConnectAsync(app);
            await using var secondTab = await HubCustomerClient.ConnectAsync(app);
            var session = await firstTab.StartAsync();
            await secondTab.StartAsync(session.Token);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = new[] { firstTab, secondTab }.Select((tab, i) => Task.Run(async () =>
            {
                await go.Task;
                return await tab.SendAsync($"Hello from tab {i + 1}");
            }, TestContext.Current.CancellationToken)).ToList();

            go.SetResult();
            var sent = await Task.WhenAll(sends);

            Assert.True(sent[0].ConversationId == sent[1].ConversationId,
                $"Round {round}: the visitor's two first messages opened two conversations ({sent[0].ConversationId} and {sent[1].ConversationId}).");
            Assert.Equal([1L, 2L], sent.Select(m => m.Sequence).Order());
            Assert.Equal(2, (await api.MessagesAsync(sent[0].ConversationId)).Count);
        }
    }

    [Fact]
    public async Task Send_ManyMessages_GetSequences1ToNInOrder()
    {
        const int count = 12;
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        await widget.StartAsync();

        var sent = new List<long>();
        long conversationId = 0;
        for (var i = 1; i <= count; i++)
        {
            var message = await widget.SendAsync($"Message number {i}");
            sent.Add(message.Sequence);
            conversationId = message.ConversationId;
        }

        var expected = Enumerable.Range(1, count).Select(i => (long)i).ToList();
        Assert.Equal(expected, sent);
        var stored = await api.MessagesAsync(conversationId);
        Assert.Equal(expected, stored.Select(m => m.Sequence()));
        Assert.Equal(expected.Select(i => $"Message number {i}"), stored.Select(m => m.Body()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t \r\n ")]
    public async Task Send_EmptyBody_IsRefusedAndNothingStored(string body)
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        var session = await widget.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => widget.SendAsync(body));

        Assert.Contains("The message is empty", error.Message, StringComparison.Ordinal);
        // Nothing was opened for the visitor: the next visit starts without a conversation.
        var again = await widget.StartAsync(session.Token);
        Assert.Null(again.Conversation);
        var first = await widget.SendAsync("Now with words");
        Assert.Equal(1, first.Sequence);
        Assert.Single(await api.MessagesAsync(first.ConversationId));
    }

    [Fact]
    public async Task Send_BodyOverLimit_IsRefusedAndNothingStored()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        await widget.StartAsync();
        var first = await widget.SendAsync("Short and fine");

        var error = await Assert.ThrowsAsync<HubException>(() => widget.SendAsync(new string('x', MessageInput.MaxBodyLength + 1)));
        var atLimit = await widget.SendAsync(new string('y', MessageInput.MaxBodyLength));

        Assert.Contains("characters long; the limit is", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, atLimit.Sequence);
        var stored = await api.MessagesAsync(first.ConversationId);
        Assert.Equal([1L, 2L], stored.Select(m => m.Sequence()));
        Assert.Equal(MessageInput.MaxBodyLength, stored[1].Body()!.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has spaces")]
    [InlineData("emoji-😀")]
    [InlineData("<script>")]
    public async Task Send_BadClientMessageId_IsRefused(string clientMessageId)
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        var session = await widget.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => widget.SendAsync("Hello", clientMessageId));

        Assert.Contains("clientMessageId", error.Message, StringComparison.Ordinal);
        Assert.Null((await widget.StartAsync(session.Token)).Conversation);
    }

    [Fact]
    public async Task Send_ClientMessageIdOver64Characters_IsRefused()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => widget.SendAsync("Hello", new string('a', MessageInput.MaxClientMessageIdLength + 1)));

        Assert.Contains("clientMessageId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BurstOverRateLimit_GetsTooManyRequestsAndOnlyAcknowledgedMessagesAreStored()
    {
        const int burst = 60;
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        using var api = app.CreateApiClient();
        await widget.StartAsync();
        var first = await widget.SendAsync("Opening message");

        async Task<(ChatMessage? Message, string? Error)> AttemptAsync(int i)
        {
            try
            {
                return (await widget.SendAsync($"Burst {i}"), null);
            }
            catch (HubException e)
            {
                return (null, e.Message);
            }
        }
        var attempts = await Task.WhenAll(Enumerable.Range(0, burst).Select(AttemptAsync));

        var refused = attempts.Where(a => a.Error is not null).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Contains("Too many requests", r.Error, StringComparison.Ordinal));
        var acknowledged = attempts.Where(a => a.Message is not null).Select(a => a.Message!).ToList();
        var stored = await api.MessagesAsync(first.ConversationId);
        Assert.Equal(acknowledged.Count + 1, stored.Count);
        Assert.Equal(acknowledged.Select(m => m.Sequence).Order(), stored.Skip(1).Select(m => m.Sequence()));
    }

    [Fact]
    public async Task RateLimit_IsPerConnection()
    {
        await using var noisy = await HubCustomerClient.ConnectAsync(app);
        await using var quiet = await HubCustomerClient.ConnectAsync(app);
        var session = await noisy.StartAsync();
        var first = await noisy.SendAsync("Opening message");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            try
            {
                await noisy.CatchUpAsync(first.ConversationId, 0);
                return true;
            }
            catch (HubException)
            {
                return false;
            }
        }));
        Assert.Contains(false, outcomes);

        await quiet.StartAsync(session.Token);
        var missed = await quiet.CatchUpAsync(first.ConversationId, 0);
        Assert.Equal([1L], missed.Select(m => m.Sequence));
    }
}
