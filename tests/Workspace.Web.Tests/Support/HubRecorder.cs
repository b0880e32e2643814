namespace Workspace.Web.Tests.Support;

/// <summary>
/// What a hub client was told, in arrival order, with a way to wait for a particular push. A wait
/// that runs out fails with everything that did arrive, so a missing push reads as a clear failure.
/// </summary>
public sealed class HubRecorder<T>
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _items.Add(item);
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
    }

    /// <summary>The first item (already arrived or arriving within <paramref name="within"/>) that matches.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, string what, TimeSpan? within = null)
    {
        var ct = TestContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(within ?? DefaultWait);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                foreach (var item in _items)
                {
                    if (match(item))
                    {
                        return item;
                    }
                }
                next = _added.Task;
            }
            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"No {what} arrived within {(within ?? DefaultWait).TotalSeconds:0.#} s. Received: [{string.Join(", ", Items)}]");
            }
        }
    }
}
