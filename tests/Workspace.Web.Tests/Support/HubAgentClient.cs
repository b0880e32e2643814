using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Web.Features.Conversations;

namespace Workspace.Web.Tests.Support;

/// <summary>A staff client of <see cref="AgentHub"/> (as a desktop app or the load generator uses it), signed in with the staff cookie.</summary>
public sealed class HubAgentClient : IAsyncDisposable
{
    private HubAgentClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<AgentMessage>(nameof(IAgentClient.MessageStored), Stored.Add);
        connection.On<long, string>(nameof(IAgentClient.ConversationChanged), (id, change) => Changes.Add((id, change)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HubConnection Connection { get; }

    public HubRecorder<AgentMessage> Stored { get; } = new();

    public HubRecorder<(long ConversationId, string Change)> Changes { get; } = new();

    /// <summary>Signs in as <paramref name="email"/> and connects with that session's cookie.</summary>
    public static async Task<HubAgentClient> ConnectAsync(WorkspaceApp app, string email, string password = WorkspaceApp.DemoPassword)
    {
        var cookie = await app.StaffCookieAsync(email, password);
        return await ConnectWithCookieAsync(app, cookie);
    }

    /// <summary>Connects with whatever cookie header is given (none for an anonymous caller).</summary>
    public static async Task<HubAgentClient> ConnectWithCookieAsync(WorkspaceApp app, string? cookie)
    {
        var client = new HubAgentClient(HubCustomerClient.Build(app, AgentHub.Path, cookie));
        try
        {
            await client.Connection.StartAsync(Ct);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        return client;
    }

    public Task<long> SubscribeAsync(long conversationId) =>
        Connection.InvokeAsync<long>(nameof(AgentHub.Subscribe), conversationId, Ct);

    public Task<IReadOnlyList<AgentMessage>> CatchUpAsync(long conversationId, long afterSequence) =>
        Connection.InvokeAsync<IReadOnlyList<AgentMessage>>(nameof(AgentHub.CatchUp), conversationId, afterSequence, Ct);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
