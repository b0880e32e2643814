using System.Globalization;
using Workspace.Domain.Conversations;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Signals;

/// <summary>Declared preferences as the customer or the integration sends them; every field optional.</summary>
public sealed record DeclaredPreferencesInput
{
    public string? Channel { get; init; }
    public string? WindowStart { get; init; }
    public string? WindowEnd { get; init; }
    public string? Tone { get; init; }
    public string? Language { get; init; }
    public bool? OptedOutOfNonMandatory { get; init; }
    public DateTimeOffset? PausedUntil { get; init; }

    public DeclaredPreferences? Validate(ValidationErrors errors)
    {
        var channel = Check.OptionalEnum<Channel>(errors, "channel", Channel);
        var tone = Check.OptionalEnum<Tone>(errors, "tone", Tone);
        var start = Time(errors, "windowStart", WindowStart);
        var end = Time(errors, "windowEnd", WindowEnd);
        // A window needs both ends; whichever is missing is named, alongside any other problem.
        var hasStart = !string.IsNullOrWhiteSpace(WindowStart);
        var hasEnd = !string.IsNullOrWhiteSpace(WindowEnd);
        if (hasStart != hasEnd)
        {
            errors.Add(hasStart ? "windowEnd" : "windowStart", "Give both 'windowStart' and 'windowEnd', or neither.");
        }
        var language = Check.Locale(errors, "language", Language);
        return errors.IsEmpty
            ? new DeclaredPreferences(channel, start, end, tone, language, OptedOutOfNonMandatory ?? false, PausedUntil?.ToUniversalTime())
            : null;
    }

    private static TimeOnly? Time(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(field, $"'{field}' must be a time of day as HH:mm, such as 09:00 (got '{value}').");
        return null;
    }
}
