using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Web.Features.Chat;

namespace Workspace.Web.Tests.Support;

/// <summary>
/// A chat widget as a test drives it: a real SignalR client of <see cref="CustomerHub"/> over the
/// in-memory test server, recording every push the widget would show.
/// </summary>
public sealed class HubCustomerClient : IAsyncDisposable
{
    private HubCustomerClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ChatMessage>(nameof(ICustomerClient.MessageReceived), Received.Add);
        connection.On<ChatConversation>(nameof(ICustomerClient.ConversationUpdated), Updates.Add);
        connection.On<bool, string>(nameof(ICustomerClient.AgentTyping), (typing, name) => AgentTyping.Add((typing, name)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HubConnection Connection { get; }

    public HubRecorder<ChatMessage> Received { get; } = new();

    public HubRecorder<ChatConversation> Updates { get; } = new();

    public HubRecorder<(bool IsTyping, string AgentName)> AgentTyping { get; } = new();

    /// <summary>A connected widget that has not called Start yet.</summary>
    public static async Task<HubCustomerClient> ConnectAsync(WorkspaceApp app)
    {
        var client = new HubCustomerClient(Build(app, CustomerHub.Path));
        await client.Connection.StartAsync(Ct);
        return client;
    }

    /// <summary>A hub connection over long polling through the test server, with a staff cookie when given.</summary>
    public static HubConnection Build(WorkspaceApp app, string path, string? cookie = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, path), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .Build();

    public static string NewClientMessageId() => $"m-{Guid.NewGuid():N}";

    public Task<ChatSession> StartAsync(string? token = null, string? externalId = null, string? signature = null, string? name = null) =>
        Connection.InvokeAsync<ChatSession>(nameof(CustomerHub.Start), new StartChat(token, externalId, signature, name), Ct);

    public Task<ChatMessage> SendAsync(string? body, string? clientMessageId = null) =>
        Connection.InvokeAsync<ChatMessage>(nameof(CustomerHub.Send), new SendChatMessage(clientMessageId ?? NewClientMessageId(), body), Ct);

    public Task<IReadOnlyList<ChatMessage>> CatchUpAsync(long conversationId, long afterSequence) =>
        Connection.InvokeAsync<IReadOnlyList<ChatMessage>>(nameof(CustomerHub.CatchUp), conversationId, afterSequence, Ct);

    public Task<ChatConversation> RateAsync(long conversationId, int csat) =>
        Connection.InvokeAsync<ChatConversation>(nameof(CustomerHub.Rate), conversationId, csat, Ct);

    public Task TypingAsync(bool isTyping) => Connection.InvokeAsync(nameof(CustomerHub.Typing), isTyping, Ct);

    public Task StopAsync() => Connection.StopAsync(Ct);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
