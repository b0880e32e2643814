using Workspace.Domain.Conversations;
using Workspace.Domain.Signals;
using static Workspace.Domain.Tests.Signals.SignalFacts;

namespace Workspace.Domain.Tests.Signals;

public class ObservedPreferencesTests
{
    private static readonly DateTimeOffset Winter = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_NoTimeZone_BusiestThreeHoursInUtc()
    {
        var observed = ObservedPreferences.From(new Dictionary<int, int> { [3] = 1, [9] = 3, [10] = 2, [11] = 1 }, null, "Chat", Now);

        Assert.Equal("09:00–12:00 UTC", observed.MostActiveHours);
        Assert.Equal("Most of 7 events in 35 days fall in 09:00–12:00 UTC; most conversations came by Chat; too few replies to tell how fast they answer.", observed.Reason);
    }

    [Fact]
    public void From_TimeZoneAheadOfUtc_WindowInCustomersLocalTime()
    {
        // Berlin is UTC+2 in May: 07–10 UTC is 09–12 there.
        var observed = ObservedPreferences.From(new Dictionary<int, int> { [7] = 4, [8] = 4, [9] = 4 }, "Europe/Berlin", null, Now);

        Assert.Equal("09:00–12:00 Europe/Berlin", observed.MostActiveHours);
    }

    [Fact]
    public void From_TimeZoneWithDaylightSaving_OffsetOfNow()
    {
        var observed = ObservedPreferences.From(new Dictionary<int, int> { [7] = 4, [8] = 4, [9] = 4 }, "Europe/Berlin", null, Winter);

        Assert.Equal("08:00–11:00 Europe/Berlin", observed.MostActiveHours);
    }

    [Fact]
    public void From_TimeZoneBehindUtc_WrapsToPreviousEvening()
    {
        // Los Angeles is UTC-7 in May: 02–05 UTC is 19–22 the evening before.
        var observed = ObservedPreferences.From(new Dictionary<int, int> { [2] = 3, [3] = 3, [4] = 3 }, "America/Los_Angeles", null, Now);

        Assert.Equal("19:00–22:00 America/Los_Angeles", observed.MostActiveHours);
    }

    [Fact]
    public void From_ActivityAcrossMidnight_WindowWrapsAround()
    {
        var observed = ObservedPreferences.From(new Dictionary<int, int> { [23] = 3, [0] = 3, [1] = 3, [12] = 1 }, null, null, Now);

        Assert.Equal("23:00–02:00 UTC", observed.MostActiveHours);
    }

    [Fact]
    public void From_UnknownTimeZone_FallsBackToUtc()
    {
        var observed = ObservedPreferences.From(new Dictionary<int, int> { [13] = 2, [14] = 2, [15] = 1 }, "Mars/Olympus_Mons", null, Now);

        Assert.Equal("13:00–16:00 UTC", observed.MostActiveHours);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void From_TooLittleActivity_NoWindowAndReasonSaysWhy(int events)
    {
        var hours = events == 0 ? new Dictionary<int, int>() : new Dictionary<int, int> { [10] = events };

        var observed = ObservedPreferences.From(hours, "Europe/London", null, Now);

        Assert.Null(observed.MostActiveHours);
        Assert.Equal($"Too little activity ({events} events in 35 days) to tell active hours; no conversations yet; too few replies to tell how fast they answer.", observed.Reason);
    }

    [Fact]
    public void From_FiveEvents_EnoughForAWindow() =>
        Assert.NotNull(ObservedPreferences.From(new Dictionary<int, int> { [10] = 2, [16] = 3 }, null, null, Now).MostActiveHours);

    [Theory]
    [InlineData("Chat", Channel.Chat)]
    [InlineData("Email", Channel.Email)]
    [InlineData("Proactive", Channel.Proactive)]
    public void From_MostUsedChannel_IsPreferredChannel(string stored, Channel channel)
    {
        var observed = ObservedPreferences.From(new Dictionary<int, int>(), null, stored, Now);

        Assert.Equal(channel, observed.PreferredChannel);
        Assert.Contains($"; most conversations came by {channel};", observed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Fax")]
    public void From_NoKnownChannel_NoPreferredChannel(string? stored)
    {
        var observed = ObservedPreferences.From(new Dictionary<int, int>(), null, stored, Now);

        Assert.Null(observed.PreferredChannel);
        Assert.Contains("; no conversations yet;", observed.Reason, StringComparison.Ordinal);
    }
}
