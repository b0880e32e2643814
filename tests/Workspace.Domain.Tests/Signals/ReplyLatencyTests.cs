using Workspace.Domain.Signals;

namespace Workspace.Domain.Tests.Signals;

public class ReplyLatencyTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MedianReplyLatency_CustomerRepliesAfterAgents_MedianOfTheGaps()
    {
        List<ReplyTurn> turns =
        [
            new(1, true, T), new(1, false, T.AddMinutes(1)), new(1, true, T.AddMinutes(6)),
            new(2, false, T), new(2, false, T.AddMinutes(2)), new(2, true, T.AddMinutes(30)),
            new(3, false, T), new(3, true, T.AddMinutes(10)), new(3, true, T.AddMinutes(11)),
        ];

        // Gaps: 5 min, 30 min (from the first of two agent messages), 10 min; the median is 10 min.
        Assert.Equal(TimeSpan.FromMinutes(10), ObservedPreferences.MedianReplyLatency(turns));
    }

    [Fact]
    public void MedianReplyLatency_FewerThanThreeReplies_Unknown() =>
        Assert.Null(ObservedPreferences.MedianReplyLatency([new(1, false, T), new(1, true, T.AddMinutes(3))]));
}
