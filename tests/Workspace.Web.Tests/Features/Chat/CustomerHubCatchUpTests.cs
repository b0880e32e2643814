using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Chat;

/// <summary>A widget that drops and comes back misses nothing and sees nothing twice; staff notes never reach it.</summary>
public sealed class CustomerHubCatchUpTests(WorkspaceApp app)
{
    [Fact]
    public async Task CatchUp_AfterReconnect_ReturnsExactlyTheMissedMessagesInOrder()
    {
        var agent = await app.ScopeAsync("maya.chen@demo.local");
        await using var first = await HubCustomerClient.ConnectAsync(app);
        var session = await first.StartAsync();
        await first.SendAsync("Hello, my dashboard is empty.");
        var lastSeen = await first.SendAsync("It was fine yesterday.");
        await first.StopAsync();

        // While the first connection is away: an agent replies, writes a note, and the customer writes from another tab.
        var reply = await app.RepliedAsync(agent, lastSeen.ConversationId, "Sorry about that! Which browser do you use?");
        await app.RepliedAsync(agent, lastSeen.ConversationId, "Internal: probably the cache bug", isNote: true);
        await using (var otherTab = await HubCustomerClient.ConnectAsync(app))
        {
            await otherTab.StartAsync(session.Token);
            await otherTab.SendAsync("Firefox, latest.");
        }
        await using var back = await HubCustomerClient.ConnectAsync(app);
        var resumed = await back.StartAsync(session.Token);
        var missed = await back.CatchUpAsync(lastSeen.ConversationId, lastSeen.Sequence);

        Assert.Equal(lastSeen.ConversationId, resumed.Conversation?.Id);
        Assert.Equal(
            [(3L, "agent", "Sorry about that! Which browser do you use?"), (5L, "customer", "Firefox, latest.")],
            missed.Select(m => (m.Sequence, m.Author, m.Body)));
        Assert.Equal("Maya Chen", missed[0].AuthorName);
        Assert.Equal(reply.ClientMessageId, missed[0].ClientMessageId);
        Assert.Equal(5, resumed.Conversation!.LastSequence);
        Assert.Empty(await back.CatchUpAsync(lastSeen.ConversationId, 5));
    }

    [Fact]
    public async Task Start_OnReturn_ShowsHistoryInOrderWithoutNotes()
    {
        var agent = await app.ScopeAsync("omar.haddad@demo.local");
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        var session = await widget.StartAsync();
        var opened = await widget.SendAsync("Can I change my plan?");
        const string note = "Customer asked about plans; check billing";
        await app.RepliedAsync(agent, opened.ConversationId, note, isNote: true);
        await app.RepliedAsync(agent, opened.ConversationId, "Yes, from Settings > Billing.");
        await widget.StopAsync();

        await using var back = await HubCustomerClient.ConnectAsync(app);
        var resumed = await back.StartAsync(session.Token);

        Assert.Equal(
            [(1L, "Can I change my plan?"), (3L, "Yes, from Settings > Billing.")],
            resumed.Messages.Select(m => (m.Sequence, m.Body)));
        Assert.DoesNotContain(resumed.Messages, m => m.Body == note);
    }

    [Fact]
    public async Task InternalNotes_NeverReachTheCustomer_LiveOrByCatchUpOrApi()
    {
        using var api = app.CreateApiClient();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();
        var opened = await widget.SendAsync("Is my data safe?");
        const string note = "NOTE-ONLY: customer is on the legacy plan";

        await app.RepliedAsync(agent, opened.ConversationId, note, isNote: true);
        await app.RepliedAsync(agent, opened.ConversationId, "Yes, it is encrypted at rest.");
        // The reply was stored after the note, so once it is pushed the note would have been too.
        await widget.Received.WaitForAsync(m => m.Author == "agent", "agent reply");

        Assert.DoesNotContain(widget.Received.Items, m => m.Body == note || m.Sequence == 2);
        Assert.Equal([1L, 3L], (await widget.CatchUpAsync(opened.ConversationId, 0)).Select(m => m.Sequence));
        var viaApi = await api.MessagesAsync(opened.ConversationId);
        Assert.Equal([1L, 3L], viaApi.Select(m => m.Sequence()));
        Assert.DoesNotContain(viaApi, m => m.Body() == note);
        Assert.DoesNotContain(await api.MessagesAsync(opened.ConversationId, after: 1), m => m.Body() == note);
    }
}
