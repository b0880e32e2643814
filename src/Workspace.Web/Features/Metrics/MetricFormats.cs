using System.Globalization;

namespace Workspace.Web.Features.Metrics;

/// <summary>How the dashboard writes its numbers: durations in minutes or hours, shares as percentages.</summary>
public static class MetricFormats
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public const string Nothing = "—";

    public static string Minutes(double? minutes) => minutes switch
    {
        null => Nothing,
        < 1 => string.Create(Culture, $"{minutes.Value * 60:0} s"),
        < 60 => string.Create(Culture, $"{minutes.Value:0.#} min"),
        _ => Hours(minutes.Value / 60),
    };

    public static string Hours(double? hours) => hours switch
    {
        null => Nothing,
        < 1 => string.Create(Culture, $"{hours.Value * 60:0} min"),
        < 48 => string.Create(Culture, $"{hours.Value:0.#} h"),
        _ => string.Create(Culture, $"{hours.Value / 24:0.#} days"),
    };

    public static string Percent(double? share) => share is { } s ? string.Create(Culture, $"{s * 100:0.#}%") : Nothing;

    public static string Rating(double? average) => average is { } a ? string.Create(Culture, $"{a:0.00} / 5") : Nothing;

    public static string Score(double? score) => score is { } s ? string.Create(Culture, $"{s:0.#} / 100") : Nothing;

    public static string Count(int n, string what) => string.Create(Culture, $"n = {n:N0} {what}");
}
