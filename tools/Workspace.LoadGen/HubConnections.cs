using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Workspace.LoadGen;

internal static class HubConnections
{
    /// <summary>WebSockets straight away (no negotiate round trip), with timeouts loose enough for a loaded 2-core box.</summary>
    public static HubConnection Build(Uri baseUrl, string path, CookieContainer? cookies = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, path), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (cookies is not null)
                {
                    o.Cookies = cookies;
                }
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(30);
        return connection;
    }
}
