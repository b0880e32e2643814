namespace Workspace.Domain.Conversations;

/// <summary>
/// A token bucket: <see cref="Capacity"/> calls at once, refilled at <see cref="RefillPerSecond"/>.
/// Time is passed in, so the limiter is deterministic to test and shared by hub connections and the API.
/// </summary>
public sealed class TokenBucket(int capacity, double refillPerSecond, DateTimeOffset now)
{
    private readonly Lock _gate = new();
    private double _tokens = capacity;
    private DateTimeOffset _last = now;

    public int Capacity { get; } = capacity;

    public double RefillPerSecond { get; } = refillPerSecond;

    /// <summary>Takes one token; false when the caller must slow down.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        lock (_gate)
        {
            var elapsed = Math.Max(0, (now - _last).TotalSeconds);
            _tokens = Math.Min(Capacity, _tokens + elapsed * RefillPerSecond);
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }
}
