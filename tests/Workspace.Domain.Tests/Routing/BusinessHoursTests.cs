using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class BusinessHoursTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(4, 9, 0, true)]
    [InlineData(4, 8, 59, false)]
    [InlineData(4, 16, 59, true)]
    [InlineData(4, 17, 0, false)]
    [InlineData(8, 12, 0, true)]
    [InlineData(9, 12, 0, false)]
    [InlineData(10, 12, 0, false)]
    public void IsOpen_DefaultWeekdaysNineToFiveUtc(int mayDay, int hour, int minute, bool open) =>
        Assert.Equal(open, BusinessHours.Default.IsOpen(Utc(5, mayDay, hour, minute)));

    [Theory]
    [InlineData(5, 4, 7, 30, true)]
    [InlineData(5, 4, 6, 59, false)]
    [InlineData(5, 4, 15, 0, false)]
    [InlineData(1, 5, 8, 30, true)]
    [InlineData(1, 5, 7, 30, false)]
    public void IsOpen_BerlinHours_ReadInBerlinTimeAcrossDaylightSaving(int month, int day, int hour, int minute, bool open)
    {
        var berlin = new BusinessHours("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 0), Weekdays);

        Assert.Equal(open, berlin.IsOpen(Utc(month, day, hour, minute)));
    }

    [Fact]
    public void IsOpen_DayOfWeekTakenInTheTeamsZone()
    {
        var tokyo = new BusinessHours("Asia/Tokyo", new TimeOnly(6, 0), new TimeOnly(12, 0), Weekdays);

        // Sunday 23:00 UTC is Monday 08:00 in Tokyo; Friday 23:00 UTC is already Saturday there.
        Assert.True(tokyo.IsOpen(Utc(5, 3, 23, 0)));
        Assert.False(tokyo.IsOpen(Utc(5, 8, 23, 0)));
    }

    [Fact]
    public void IsOpen_OffsetOfTheInstantDoesNotMatter() =>
        Assert.True(BusinessHours.Default.IsOpen(new DateTimeOffset(2026, 5, 4, 11, 30, 0, TimeSpan.FromHours(2))));
}
