using System.Globalization;

namespace Workspace.Web.Features.Inbox;

/// <summary>How long a customer has waited, the way an agent scans it: "45 s", "12 min", "3 h 05 min", "2 d 4 h".</summary>
public static class WaitingTime
{
    public static string Format(TimeSpan waited)
    {
        if (waited < TimeSpan.Zero)
        {
            waited = TimeSpan.Zero;
        }
        return waited.TotalSeconds < 60 ? $"{(int)waited.TotalSeconds} s"
            : waited.TotalMinutes < 60 ? $"{(int)waited.TotalMinutes} min"
            : waited.TotalHours < 24 ? string.Create(CultureInfo.InvariantCulture, $"{(int)waited.TotalHours} h {waited.Minutes:D2} min")
            : $"{(int)waited.TotalDays} d {waited.Hours} h";
    }
}
