using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Workspace.Web.Features.Conversations;

/// <summary>The single-node notifier: subscriber lists in memory, copy-on-write so publishing never locks.</summary>
public sealed partial class InProcessConversationNotifier(ILogger<InProcessConversationNotifier> logger) : IConversationNotifier
{
    private readonly ConcurrentDictionary<long, ImmutableList<Func<ConversationSignal, Task>>> _conversations = new();
    private readonly ConcurrentDictionary<long, ImmutableList<Func<StaffNotified, Task>>> _staff = new();
    private readonly ConcurrentDictionary<long, ImmutableList<Func<CustomerDataChanged, Task>>> _customers = new();
    private ImmutableList<Func<ConversationChanged, Task>> _inbox = [];

    public IDisposable SubscribeConversation(long conversationId, Func<ConversationSignal, Task> handler)
    {
        _conversations.AddOrUpdate(conversationId, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => Remove(_conversations, conversationId, handler));
    }

    public IDisposable SubscribeInbox(Func<ConversationChanged, Task> handler)
    {
        ImmutableInterlocked.Update(ref _inbox, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _inbox, list => list.Remove(handler)));
    }

    public IDisposable SubscribeStaff(long userId, Func<StaffNotified, Task> handler)
    {
        _staff.AddOrUpdate(userId, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => Remove(_staff, userId, handler));
    }

    public IDisposable SubscribeCustomer(long customerId, Func<CustomerDataChanged, Task> handler)
    {
        _customers.AddOrUpdate(customerId, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => Remove(_customers, customerId, handler));
    }

    public void Publish(CustomerDataChanged change)
    {
        if (_customers.TryGetValue(change.CustomerId, out var handlers))
        {
            foreach (var handler in handlers)
            {
                Dispatch(handler, change);
            }
        }
    }

    public void Publish(ConversationSignal signal)
    {
        if (_conversations.TryGetValue(signal.ConversationId, out var handlers))
        {
            foreach (var handler in handlers)
            {
                Dispatch(handler, signal);
            }
        }
        if (signal is ConversationChanged changed)
        {
            foreach (var handler in _inbox)
            {
                Dispatch(handler, changed);
            }
        }
    }

    public void Publish(StaffNotified notification)
    {
        if (_staff.TryGetValue(notification.UserId, out var handlers))
        {
            foreach (var handler in handlers)
            {
                Dispatch(handler, notification);
            }
        }
    }

    public int SubscriberCount(long conversationId) => _conversations.TryGetValue(conversationId, out var list) ? list.Count : 0;

    private void Dispatch<T>(Func<T, Task> handler, T value) => _ = RunAsync(handler, value);

    private async Task RunAsync<T>(Func<T, Task> handler, T value)
    {
        try
        {
            await handler(value);
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, typeof(T).Name);
        }
    }

    private static void Remove<T>(ConcurrentDictionary<long, ImmutableList<T>> map, long key, T handler)
    {
        while (map.TryGetValue(key, out var list))
        {
            var next = list.Remove(handler);
            var done = next.IsEmpty
                ? map.TryRemove(new KeyValuePair<long, ImmutableList<T>>(key, list))
                : map.TryUpdate(key, next, list);
            if (done)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Signal} subscriber failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception e, string signal);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
