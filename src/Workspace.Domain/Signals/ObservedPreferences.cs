using System.Globalization;
using Workspace.Domain.Conversations;

namespace Workspace.Domain.Signals;

/// <summary>
/// What the customer's behaviour suggests, shown beside what they declared; wherever both exist the
/// declared value wins.
/// </summary>
public sealed record ObservedPreferences(string? MostActiveHours, Channel? PreferredChannel, string Reason)
{
    /// <summary>
    /// The three-hour window with the most activity in the last 35 days, in the customer's time zone
    /// (UTC when none is known), and the channel they have used most.
    /// </summary>
    public static ObservedPreferences From(IReadOnlyDictionary<int, int> activityByUtcHour, string? timeZone, string? mostUsedChannel, DateTimeOffset now)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var tz) ? tz : TimeZoneInfo.Utc;
        var offset = (int)Math.Round(zone.GetUtcOffset(now).TotalHours);
        var local = new int[24];
        foreach (var (hour, count) in activityByUtcHour)
        {
            local[((hour + offset) % 24 + 24) % 24] += count;
        }
        var total = local.Sum();
        string? window = null;
        if (total >= 5)
        {
            var best = Enumerable.Range(0, 24).MaxBy(h => local[h] + local[(h + 1) % 24] + local[(h + 2) % 24]);
            window = string.Create(CultureInfo.InvariantCulture, $"{best:00}:00–{(best + 3) % 24:00}:00 {(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)}");
        }
        Channel? channel = mostUsedChannel is not null && Enum.TryParse<Channel>(mostUsedChannel, out var c) ? c : null;
        var reason = (window is null ? $"Too little activity ({total} events in 35 days) to tell active hours" : $"Most of {total} events in 35 days fall in {window}")
            + (channel is null ? "; no conversations yet." : $"; most conversations came by {channel}.");
        return new ObservedPreferences(window, channel, reason);
    }
}
