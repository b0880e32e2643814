using Workspace.Domain.Conversations;

namespace Workspace.Domain.Tests.Conversations;

public class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static int TakeAll(TokenBucket bucket, DateTimeOffset at)
    {
        var taken = 0;
        while (taken < 10_000 && bucket.TryTake(at))
        {
            taken++;
        }
        return taken;
    }

    [Fact]
    public void New_ExposesCapacityAndRefillRate()
    {
        var bucket = new TokenBucket(20, 5, Start);

        Assert.Equal(20, bucket.Capacity);
        Assert.Equal(5, bucket.RefillPerSecond);
    }

    [Fact]
    public void TryTake_NewBucket_AllowsBurstOfCapacityThenRefuses()
    {
        var bucket = new TokenBucket(5, 2, Start);

        Assert.Equal(5, TakeAll(bucket, Start));
        Assert.False(bucket.TryTake(Start));
    }

    [Fact]
    public void TryTake_AfterOneTokenOfTime_AllowsExactlyOneMore()
    {
        var bucket = new TokenBucket(5, 2, Start);
        TakeAll(bucket, Start);

        Assert.False(bucket.TryTake(Start.AddMilliseconds(499)));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(500)));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(500)));
    }

    [Fact]
    public void TryTake_PartialRefills_Accumulate()
    {
        var bucket = new TokenBucket(1, 1, Start);
        Assert.True(bucket.TryTake(Start));

        // Refused calls still count the time that passed: 0.4 s + 0.4 s + 0.2 s make one token.
        Assert.False(bucket.TryTake(Start.AddMilliseconds(400)));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(800)));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(1000)));
    }

    [Fact]
    public void TryTake_LongIdle_RefillsOnlyUpToCapacity()
    {
        var bucket = new TokenBucket(3, 10, Start);
        TakeAll(bucket, Start);

        Assert.Equal(3, TakeAll(bucket, Start.AddHours(1)));
    }

    [Fact]
    public void TryTake_SteadyRateAtRefill_NeverRefused()
    {
        var bucket = new TokenBucket(2, 4, Start);
        TakeAll(bucket, Start);

        for (var i = 1; i <= 100; i++)
        {
            Assert.True(bucket.TryTake(Start.AddMilliseconds(250 * i)), $"call {i} was refused");
        }
    }

    [Fact]
    public void TryTake_ClockStepsBack_NoRefillAndNoError()
    {
        var bucket = new TokenBucket(2, 1, Start);
        TakeAll(bucket, Start);

        Assert.False(bucket.TryTake(Start.AddSeconds(-30)));
    }

    [Fact]
    public async Task TryTake_ManyCallersAtOnce_ExactlyCapacitySucceed()
    {
        var bucket = new TokenBucket(50, 1, Start);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => bucket.TryTake(Start), TestContext.Current.CancellationToken)));

        Assert.Equal(50, results.Count(r => r));
    }
}
