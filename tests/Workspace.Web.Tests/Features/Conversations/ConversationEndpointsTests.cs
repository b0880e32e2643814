using System.Net;
using Workspace.Domain.Conversations;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.HubConversations;

namespace Workspace.Web.Tests.Features.Conversations;

/// <summary>Conversations from other channels through the REST API, as an integration calls it.</summary>
public sealed class ConversationEndpointsTests(WorkspaceApp app)
{
    [Fact]
    public async Task Open_ThenRetryWithSameFirstClientMessageId_ReturnsSameConversationAndStoresOnce()
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();
        var clientId = HubCustomerClient.NewClientMessageId();
        var body = OpenBody(customer, clientId, "My card was charged twice.", subject: "Double charge");

        using var created = await api.SendJsonAsync(HttpMethod.Post, Root, body);
        using var retried = await api.SendJsonAsync(HttpMethod.Post, Root, body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var first = await created.JsonAsync();
        var second = await retried.JsonAsync();
        var id = first.GetProperty("conversation").GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/conversations/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(id, second.GetProperty("conversation").GetProperty("id").GetInt64());
        var conversation = first.GetProperty("conversation");
        Assert.Equal(customer, conversation.GetProperty("customerExternalId").GetString());
        Assert.Equal("Api", conversation.GetProperty("channel").GetString());
        Assert.Equal("Double charge", conversation.GetProperty("subject").GetString());
        Assert.Equal("Open", conversation.GetProperty("status").GetString());
        Assert.Equal(HubStaff.GeneralSupport, conversation.GetProperty("queue").GetProperty("team").GetString());
        Assert.Equal((1L, "Customer", clientId), (first.GetProperty("message").Sequence(),
            first.GetProperty("message").GetProperty("author").GetString(), first.GetProperty("message").GetProperty("clientMessageId").GetString()));
        Assert.Equal(1L, second.GetProperty("message").Sequence());
        Assert.Single(await api.MessagesAsync(id));
    }

    [Fact]
    public async Task Open_WithChannel_RecordsIt()
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();

        using var response = await api.SendJsonAsync(HttpMethod.Post, Root,
            new { customerExternalId = customer, channel = "Email", message = new { clientMessageId = "email-0001", body = "Sent by email" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = (await response.JsonAsync()).GetProperty("conversation");
        Assert.Equal("Email", conversation.GetProperty("channel").GetString());
        Assert.Equal(conversation.GetProperty("id").GetInt64(), (await api.ConversationAsync(conversation.GetProperty("id").GetInt64())).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Open_UnknownCustomer_Returns404Problem()
    {
        using var api = app.CreateApiClient();
        var unknown = ApiCalls.NewCustomerId();

        using var response = await api.SendJsonAsync(HttpMethod.Post, Root, OpenBody(unknown, "c-1", "Hello"));

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(unknown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_InvalidFields_Returns400NamingEach()
    {
        using var api = app.CreateApiClient();

        using var response = await api.SendJsonAsync(HttpMethod.Post, Root,
            new { customerExternalId = "not a valid id!", message = new { clientMessageId = "has spaces", body = "   " } });

        Assert.Equal(["customerExternalId", "message.body", "message.clientMessageId"], (await response.InvalidFieldsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Open_BodyOverLimit_Returns400NamingMessageBody()
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();

        using var response = await api.SendJsonAsync(HttpMethod.Post, Root, OpenBody(customer, "c-1", new string('x', MessageInput.MaxBodyLength + 1)));

        Assert.Equal(["message.body"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Open_WithoutMessage_Returns400NamingMessage()
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();

        using var response = await api.SendJsonAsync(HttpMethod.Post, Root, new { customerExternalId = customer });

        Assert.Equal(["message"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Messages_After_ReturnsOnlyLaterOnesInOrder()
    {
        using var api = app.CreateApiClient();
        var (_, id) = await api.OpenConversationAsync("one");
        foreach (var body in new[] { "two", "three", "four", "five" })
        {
            using var response = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"),
                new { clientMessageId = HubCustomerClient.NewClientMessageId(), body });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var later = await api.MessagesAsync(id, after: 2);
        using var paged = await api.GetPathAsync(ConversationPath(id, "/messages?after=2&take=2"));
        var page = await paged.JsonAsync();

        Assert.Equal([(3L, "three"), (4L, "four"), (5L, "five")], later.Select(m => (m.Sequence(), m.Body())));
        Assert.Equal(["three", "four"], page.GetProperty("messages").EnumerateArray().Select(m => m.Body()));
        Assert.Equal(5, page.GetProperty("lastSequence").GetInt64());
        Assert.Empty(await api.MessagesAsync(id, after: 5));
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("take=0", "take")]
    [InlineData("take=501", "take")]
    public async Task Messages_InvalidPaging_Returns400NamingTheParameter(string query, string field)
    {
        using var api = app.CreateApiClient();
        var (_, id) = await api.OpenConversationAsync();

        using var response = await api.GetPathAsync(ConversationPath(id, "/messages?" + query));

        Assert.Equal([field], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task AddMessage_SameClientMessageIdTwice_Returns200WithOriginalAndStoresOnce()
    {
        using var api = app.CreateApiClient();
        var (_, id) = await api.OpenConversationAsync();
        var clientId = HubCustomerClient.NewClientMessageId();

        using var created = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"), new { clientMessageId = clientId, body = "Any update?" });
        using var duplicate = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"), new { clientMessageId = clientId, body = "Any update??" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var original = await created.JsonAsync();
        var again = await duplicate.JsonAsync();
        Assert.Equal((2L, "Any update?"), (original.Sequence(), original.Body()));
        Assert.Equal((2L, "Any update?"), (again.Sequence(), again.Body()));
        Assert.Equal([1L, 2L], (await api.MessagesAsync(id)).Select(m => m.Sequence()));
        Assert.Equal(2, (await api.ConversationAsync(id)).GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task AddMessage_InvalidFields_Returns400NamingEachAndStoresNothing()
    {
        using var api = app.CreateApiClient();
        var (_, id) = await api.OpenConversationAsync();

        using var empty = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"), new { clientMessageId = "ok-1", body = "" });
        using var tooLong = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"),
            new { clientMessageId = "ok-2", body = new string('x', MessageInput.MaxBodyLength + 1) });
        using var badId = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"), new { clientMessageId = "", body = "Hello" });

        Assert.Equal(["body"], await empty.InvalidFieldsAsync());
        Assert.Equal(["body"], await tooLong.InvalidFieldsAsync());
        Assert.Equal(["clientMessageId"], await badId.InvalidFieldsAsync());
        Assert.Single(await api.MessagesAsync(id));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/messages")]
    [InlineData("POST", "/messages")]
    public async Task UnknownConversation_Returns404Problem(string method, string suffix)
    {
        using var api = app.CreateApiClient();

        using var response = method == "GET"
            ? await api.GetPathAsync(ConversationPath(long.MaxValue, suffix))
            : await api.SendJsonAsync(HttpMethod.Post, ConversationPath(long.MaxValue, suffix), new { clientMessageId = "c-1", body = "Hello" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Endpoints_WithoutApiKey_Return401()
    {
        using var api = app.CreateApiClient();
        var (customer, id) = await api.OpenConversationAsync();
        using var anonymous = app.CreateApiClient(apiKey: null);

        using var open = await anonymous.SendJsonAsync(HttpMethod.Post, Root, OpenBody(customer, "c-2", "Sneaky"));
        using var get = await anonymous.GetPathAsync(ConversationPath(id));
        using var list = await anonymous.GetPathAsync(ConversationPath(id, "/messages"));
        using var add = await anonymous.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"), new { clientMessageId = "c-3", body = "Sneaky" });

        foreach (var response in new[] { open, get, list, add })
        {
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        Assert.Single(await api.MessagesAsync(id));
    }

    [Fact]
    public async Task AddMessage_ToResolvedConversation_ReopensIt()
    {
        using var api = app.CreateApiClient();
        var (_, id) = await api.OpenConversationAsync();
        var agent = await app.ScopeAsync(WorkspaceApp.AgentEmail);
        Assert.True((await app.Service<Web.Features.Conversations.ConversationService>().ResolveAsync(agent, id, TestContext.Current.CancellationToken)).Succeeded);

        using var response = await api.SendJsonAsync(HttpMethod.Post, ConversationPath(id, "/messages"),
            new { clientMessageId = HubCustomerClient.NewClientMessageId(), body = "It broke again" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Open", (await api.ConversationAsync(id)).GetProperty("status").GetString());
    }
}
