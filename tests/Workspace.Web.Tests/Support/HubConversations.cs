using System.Net;
using System.Text.Json;

namespace Workspace.Web.Tests.Support;

/// <summary>
/// Conversations set up and read back through the REST API, as an integration sees them: what hub
/// tests check against (status, queue, assignee, CSAT and the customer-visible messages).
/// </summary>
public static class HubConversations
{
    public const string Root = "/api/v1/conversations";

    public static string ConversationPath(long id, string suffix = "") => $"{Root}/{id}{suffix}";

    public static object OpenBody(string customerExternalId, string clientMessageId, string body, string? subject = null) =>
        new { customerExternalId, subject, message = new { clientMessageId, body } };

    /// <summary>A new customer with a conversation opened by its first message; returns both ids.</summary>
    public static async Task<(string CustomerId, long ConversationId)> OpenConversationAsync(this HttpClient api, string body = "Hello, I need help with my invoice.")
    {
        var customer = await api.CreateCustomerAsync();
        using var response = await api.SendJsonAsync(HttpMethod.Post, Root, OpenBody(customer, HubCustomerClient.NewClientMessageId(), body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await response.JsonAsync();
        return (customer, opened.GetProperty("conversation").GetProperty("id").GetInt64());
    }

    /// <summary>The conversation, which must exist.</summary>
    public static async Task<JsonElement> ConversationAsync(this HttpClient api, long id)
    {
        using var response = await api.GetPathAsync(ConversationPath(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The customer-visible messages after <paramref name="after"/>, in the order the API returns them.</summary>
    public static async Task<IReadOnlyList<JsonElement>> MessagesAsync(this HttpClient api, long id, long? after = null)
    {
        using var response = await api.GetPathAsync(ConversationPath(id, after is { } a ? $"/messages?after={a}" : "/messages"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("messages").EnumerateArray()];
    }

    public static long Sequence(this JsonElement message) => message.GetProperty("sequence").GetInt64();

    public static string? Body(this JsonElement message) => message.GetProperty("body").GetString();

    public static string? Assignee(this JsonElement conversation) => conversation.GetProperty("queue").GetProperty("assignee").GetString();
}
