namespace Workspace.Domain.Quality;

/// <summary>Elapsed times in check reasons, in whole units, never rounded up to look better than they were.</summary>
internal static class Durations
{
    public static string Show(TimeSpan span)
    {
        var minutes = (long)Math.Floor(span.Duration().TotalMinutes);
        return minutes switch
        {
            < 1 => "under a minute",
            < 60 => $"{minutes} min",
            < 1440 => minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min",
            _ => minutes / 60 % 24 == 0 ? $"{minutes / 1440} d" : $"{minutes / 1440} d {minutes / 60 % 24} h",
        };
    }
}
