using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Support;

/// <summary>
/// Sits between a page and one SignalR hub's WebSocket and, while held, keeps back the page's invocations of
/// one hub method, so a test can see the state a client shows while its call is still on the way (a message
/// "Sending…") before letting it through. Every other frame passes untouched, both ways.
/// </summary>
public sealed class HubSendGate
{
    // SignalR's JSON hub protocol ends every message with the record separator.
    private const char RecordSeparator = '\u001e';
    private const int InvocationMessageType = 1;

    private readonly Lock _lock = new();
    private readonly string _target;
    private readonly List<(IWebSocketRoute Server, string Frame)> _held = [];
    private bool _holding;

    private HubSendGate(string target) => _target = target;

    /// <summary>Routes the page's WebSockets to <paramref name="hubPath"/> through a gate for invocations of <paramref name="target"/>.</summary>
    public static async Task<HubSendGate> RouteAsync(IPage page, string hubPath, string target)
    {
        var gate = new HubSendGate(target);
        await page.RouteWebSocketAsync(url => new Uri(url).AbsolutePath == hubPath, gate.Attach);
        return gate;
    }

    /// <summary>From now on, invocations of the target wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            _holding = true;
        }
    }

    /// <summary>Forwards what was held, in order, and lets later invocations straight through.</summary>
    public void Release()
    {
        List<(IWebSocketRoute Server, string Frame)> held;
        lock (_lock)
        {
            _holding = false;
            held = [.. _held];
            _held.Clear();
        }
        foreach (var (server, frame) in held)
        {
            server.Send(frame);
        }
    }

    private void Attach(IWebSocketRoute page)
    {
        // Frames from the server reach the page untouched; only the page's frames are looked at.
        var server = page.ConnectToServer();
        page.OnMessage(frame =>
        {
            if (frame.Text is not { } text)
            {
                server.Send(frame.Binary ?? []);
                return;
            }
            lock (_lock)
            {
                if (_holding && Invokes(text))
                {
                    _held.Add((server, text));
                    return;
                }
            }
            server.Send(text);
        });
    }

    private bool Invokes(string frame)
    {
        foreach (var record in frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            using var message = JsonDocument.Parse(record);
            var root = message.RootElement;
            if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == InvocationMessageType
                && root.TryGetProperty("target", out var target) && target.GetString() == _target)
            {
                return true;
            }
        }
        return false;
    }
}
