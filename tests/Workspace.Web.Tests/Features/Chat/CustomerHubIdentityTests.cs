using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Workspace.Data.Customers;
using Workspace.Web.Features.Chat;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Chat;

/// <summary>Who a widget speaks for: its token reaches its own conversation only; identity needs the workspace's signature.</summary>
public sealed partial class CustomerHubIdentityTests(WorkspaceApp app)
{
    private CustomerIdentity Identity => app.Service<CustomerIdentity>();

    [Fact]
    public async Task CatchUp_OtherCustomersConversation_DoesNotExist()
    {
        await using var alice = await HubCustomerClient.ConnectAsync(app);
        await using var bob = await HubCustomerClient.ConnectAsync(app);
        await alice.StartAsync();
        await bob.StartAsync();
        await alice.SendAsync("Alice's question");
        var bobs = await bob.SendAsync("Bob's private question");

        var error = await Assert.ThrowsAsync<HubException>(() => alice.CatchUpAsync(bobs.ConversationId, 0));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(alice.Received.Items, m => m.ConversationId == bobs.ConversationId);
    }

    [Fact]
    public async Task Rate_OtherCustomersConversation_DoesNotExistAndStoresNothing()
    {
        using var api = app.CreateApiClient();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);
        await using var alice = await HubCustomerClient.ConnectAsync(app);
        await using var bob = await HubCustomerClient.ConnectAsync(app);
        await alice.StartAsync();
        await bob.StartAsync();
        await alice.SendAsync("Alice here");
        var bobs = await bob.SendAsync("Bob here");
        Assert.True((await app.Service<ConversationService>().ResolveAsync(agent, bobs.ConversationId, TestContext.Current.CancellationToken)).Succeeded);

        var error = await Assert.ThrowsAsync<HubException>(() => alice.RateAsync(bobs.ConversationId, 1));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        var conversation = await api.ConversationAsync(bobs.ConversationId);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, conversation.GetProperty("csat").ValueKind);
    }

    [Fact]
    public async Task CatchUp_UnknownConversation_LooksTheSameAsSomeoneElses()
    {
        await using var widget = await HubCustomerClient.ConnectAsync(app);
        await widget.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => widget.CatchUpAsync(long.MaxValue, 0));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("abcde")]
    [InlineData("CfDJ8-not-a-real-token")]
    public async Task Start_ForgedToken_StartsFreshVisitorWithoutAccess(string forged)
    {
        await using var alice = await HubCustomerClient.ConnectAsync(app);
        var aliceSession = await alice.StartAsync();
        var alices = await alice.SendAsync("Alice's secret");
        await using var intruder = await HubCustomerClient.ConnectAsync(app);

        var session = await intruder.StartAsync(forged);

        await AssertFreshVisitorAsync(intruder, session, aliceSession, alices.ConversationId);
    }

    [Fact]
    public async Task Start_TamperedToken_StartsFreshVisitorWithoutAccess()
    {
        await using var alice = await HubCustomerClient.ConnectAsync(app);
        var aliceSession = await alice.StartAsync();
        var alices = await alice.SendAsync("Alice's secret");
        await using var intruder = await HubCustomerClient.ConnectAsync(app);
        var token = aliceSession.Token;
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        var session = await intruder.StartAsync(tampered);

        await AssertFreshVisitorAsync(intruder, session, aliceSession, alices.ConversationId);
    }

    private static async Task AssertFreshVisitorAsync(HubCustomerClient intruder, ChatSession session, ChatSession victim, long victimConversation)
    {
        Assert.NotEqual(victim.Token, session.Token);
        Assert.NotEqual(victim.CustomerName, session.CustomerName);
        Assert.Null(session.Conversation);
        Assert.Empty(session.Messages);
        var error = await Assert.ThrowsAsync<HubException>(() => intruder.CatchUpAsync(victimConversation, 0));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        var own = await intruder.SendAsync("Hello from a new visitor");
        Assert.NotEqual(victimConversation, own.ConversationId);
        Assert.Equal(1, own.Sequence);
    }

    [Fact]
    public async Task Start_TokenFromEarlierVisit_ContinuesOwnConversation()
    {
        await using var first = await HubCustomerClient.ConnectAsync(app);
        var session = await first.StartAsync();
        var opened = await first.SendAsync("Hello from my phone");
        await first.StopAsync();
        await using var later = await HubCustomerClient.ConnectAsync(app);

        var resumed = await later.StartAsync(session.Token);
        var next = await later.SendAsync("And again from my laptop");

        Assert.Equal(session.CustomerName, resumed.CustomerName);
        Assert.Equal(opened.ConversationId, resumed.Conversation?.Id);
        Assert.Equal([opened.Sequence], resumed.Messages.Select(m => m.Sequence));
        Assert.Equal((opened.ConversationId, 2L), (next.ConversationId, next.Sequence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-hex")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Start_IdentifiedWithWrongOrMissingSignature_IsRefused(string? signature)
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();
        await using var widget = await HubCustomerClient.ConnectAsync(app);

        var error = await Assert.ThrowsAsync<HubException>(() => widget.StartAsync(externalId: customer, signature: signature));

        Assert.Contains("could not be verified", error.Message, StringComparison.Ordinal);
        var refusedSend = await Assert.ThrowsAsync<HubException>(() => widget.SendAsync("Pretending to be someone"));
        Assert.Contains("Start the chat first", refusedSend.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_IdentifiedWithOtherCustomersSignature_IsRefused()
    {
        using var api = app.CreateApiClient();
        var victim = await api.CreateCustomerAsync();
        var attacker = await api.CreateCustomerAsync();
        await using var widget = await HubCustomerClient.ConnectAsync(app);

        var error = await Assert.ThrowsAsync<HubException>(() => widget.StartAsync(externalId: victim, signature: Identity.Sign(attacker)));

        Assert.Contains("could not be verified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_IdentifiedWithRightSignature_ContinuesThatCustomersConversation()
    {
        using var api = app.CreateApiClient();
        var (customer, conversationId) = await api.OpenConversationAsync("Opened from the mobile app");
        await using var widget = await HubCustomerClient.ConnectAsync(app);

        var session = await widget.StartAsync(externalId: customer, signature: Identity.Sign(customer), name: "Test Customer");
        var next = await widget.SendAsync("Following up in the web chat");

        Assert.True(session.Identified);
        Assert.Equal("Test Customer", session.CustomerName);
        Assert.Equal(conversationId, session.Conversation?.Id);
        Assert.Equal(["Opened from the mobile app"], session.Messages.Select(m => m.Body));
        Assert.Equal((conversationId, 2L), (next.ConversationId, next.Sequence));
        Assert.Equal([1L, 2L], (await api.MessagesAsync(conversationId)).Select(m => m.Sequence()));
    }

    /// <summary>
    /// An identified customer is recognised only with the host page's signature: whatever the widget
    /// keeps in the browser after the customer signs out of the host site, whoever opens the widget
    /// next on that browser (anonymous now, no signature) must not get their conversation.
    /// </summary>
    [Fact]
    public async Task Start_WithIdentifiedCustomersSessionTokenButNoSignature_DoesNotReachTheirConversation()
    {
        using var api = app.CreateApiClient();
        var (customer, conversationId) = await api.OpenConversationAsync("My billing address is 1 Private Lane");
        await using var signedIn = await HubCustomerClient.ConnectAsync(app);
        var identified = await signedIn.StartAsync(externalId: customer, signature: Identity.Sign(customer));
        Assert.Equal(conversationId, identified.Conversation?.Id);
        await signedIn.StopAsync();
        await using var nextVisitor = await HubCustomerClient.ConnectAsync(app);

        var session = await nextVisitor.StartAsync(token: identified.Token);

        Assert.True(session.Conversation?.Id != conversationId,
            $"A widget without the signature resumed the identified customer's conversation ({session.Messages.Count} messages visible).");
        Assert.DoesNotContain(session.Messages, m => m.ConversationId == conversationId);
        Assert.False(session.Identified);
        await Assert.ThrowsAsync<HubException>(() => nextVisitor.CatchUpAsync(conversationId, 0));
    }

    [Fact]
    public async Task Start_WithSignatureFromDemoHostPage_IsIdentifiedAsThatCustomer()
    {
        using var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/chat?customer=cus_0421");
        var signature = SignatureAttribute().Match(page);
        Assert.True(signature.Success, "The host page carries no signature for the widget.");
        await using var widget = await HubCustomerClient.ConnectAsync(app);

        var session = await widget.StartAsync(externalId: "cus_0421", signature: WebUtility.HtmlDecode(signature.Groups[1].Value));

        Assert.True(session.Identified);
        var customer = await app.Service<CustomerRepository>().GetAsync("cus_0421", TestContext.Current.CancellationToken);
        Assert.Equal(customer?.Profile.Name, session.CustomerName);
        await using var other = await HubCustomerClient.ConnectAsync(app);
        await Assert.ThrowsAsync<HubException>(() => other.StartAsync(externalId: "cus_0422", signature: WebUtility.HtmlDecode(signature.Groups[1].Value)));
    }

    [GeneratedRegex("data-customer-signature=\"([0-9a-f]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureAttribute();
}
