namespace Workspace.Domain.Routing;

/// <summary>The support team's opening hours, in one time zone, for the "within business hours" condition.</summary>
public sealed record BusinessHours(string TimeZone, TimeOnly Opens, TimeOnly Closes, IReadOnlyList<DayOfWeek> Days)
{
    public static readonly BusinessHours Default = new("UTC", new TimeOnly(9, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public bool IsOpen(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= Opens && time < Closes;
    }
}
