using System.Globalization;

namespace Workspace.Domain.Quality;

/// <summary>ISO weeks in UTC, so a queue or a chart bucket is the same week for every viewer.</summary>
internal static class Weeks
{
    public static DateOnly Start(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static string Label(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):00}");
}
