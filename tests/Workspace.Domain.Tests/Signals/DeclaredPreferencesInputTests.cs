using Workspace.Domain.Conversations;
using Workspace.Domain.Signals;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Signals;

public class DeclaredPreferencesInputTests
{
    private static (DeclaredPreferences? Preferences, IReadOnlyDictionary<string, string[]> Errors) Validate(DeclaredPreferencesInput input)
    {
        var errors = new ValidationErrors();
        var preferences = input.Validate(errors);
        return (preferences, errors.ToDictionary());
    }

    [Fact]
    public void Validate_EveryField_ParsedAndNormalised()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput
        {
            Channel = "email",
            WindowStart = "09:00",
            WindowEnd = " 17:30 ",
            Tone = "guided",
            Language = "de-de",
            OptedOutOfNonMandatory = true,
            PausedUntil = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)),
        });

        Assert.Empty(errors);
        Assert.Equal(
            new DeclaredPreferences(Channel.Email, new TimeOnly(9, 0), new TimeOnly(17, 30), Tone.Guided, "de-DE", true,
                new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero)),
            preferences);
        Assert.Equal(TimeSpan.Zero, preferences!.PausedUntil!.Value.Offset);
    }

    [Fact]
    public void Validate_Empty_NothingDeclaredNotOptedOut()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput());

        Assert.Empty(errors);
        Assert.Equal(new DeclaredPreferences(null, null, null, null, null, false, null), preferences);
    }

    [Fact]
    public void Validate_OvernightWindow_Accepted()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { WindowStart = "22:00", WindowEnd = "06:00" });

        Assert.Empty(errors);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 0)), (preferences!.WindowStart, preferences.WindowEnd));
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("24:00")]
    [InlineData("09:60")]
    [InlineData("09:00:00")]
    [InlineData("9am")]
    [InlineData("0900")]
    public void Validate_WindowStartNotHHmm_NamesFieldWithExample(string value)
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { WindowStart = value, WindowEnd = "17:00" });

        Assert.Null(preferences);
        Assert.Equal(["windowStart"], errors.Keys);
        var message = Assert.Single(errors["windowStart"]);
        Assert.Contains("HH:mm", message, StringComparison.Ordinal);
        Assert.Contains(value, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WindowEndNotHHmm_NamesWindowEndOnly()
    {
        var (_, errors) = Validate(new DeclaredPreferencesInput { WindowStart = "09:00", WindowEnd = "5pm" });

        Assert.Equal(["windowEnd"], errors.Keys);
    }

    [Fact]
    public void Validate_OnlyWindowStart_AsksForWindowEnd()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { WindowStart = "09:00" });

        Assert.Null(preferences);
        Assert.Equal(["windowEnd"], errors.Keys);
        Assert.Equal("Give both 'windowStart' and 'windowEnd', or neither.", Assert.Single(errors["windowEnd"]));
    }

    [Fact]
    public void Validate_OnlyWindowEnd_AsksForWindowStart()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { WindowEnd = "17:00" });

        Assert.Null(preferences);
        Assert.Equal(["windowStart"], errors.Keys);
    }

    // An empty windowStart is no start at all: a window with only an end must still be refused.
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankWindowStartWithWindowEnd_AsksForWindowStart(string blank)
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { WindowStart = blank, WindowEnd = "17:00" });

        Assert.Null(preferences);
        Assert.Equal(["windowStart"], errors.Keys);
    }

    // ValidationErrors exist "so a caller learns every problem at once": a bad tone must not hide a half window.
    [Fact]
    public void Validate_BadToneAndHalfWindow_NamesBoth()
    {
        var (_, errors) = Validate(new DeclaredPreferencesInput { Tone = "Shouty", WindowStart = "09:00" });

        Assert.Equal(["tone", "windowEnd"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_BadToneChannelAndLanguage_NamesEachWithChoices()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { Channel = "Fax", Tone = "Shouty", Language = "not-a-locale" });

        Assert.Null(preferences);
        Assert.Equal(["channel", "language", "tone"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Chat, Email, Api, Proactive", errors["channel"][0], StringComparison.Ordinal);
        Assert.Contains("Concise, Guided", errors["tone"][0], StringComparison.Ordinal);
        Assert.Contains("not-a-locale", errors["language"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Concise, Guided")]
    public void Validate_ToneAsNumberOrCombination_Refused(string tone) =>
        Assert.Equal(["tone"], Validate(new DeclaredPreferencesInput { Tone = tone }).Errors.Keys);

    [Fact]
    public void Validate_BlankToneAndChannel_NotDeclared()
    {
        var (preferences, errors) = Validate(new DeclaredPreferencesInput { Tone = " ", Channel = "" });

        Assert.Empty(errors);
        Assert.Null(preferences!.Tone);
        Assert.Null(preferences.Channel);
    }
}
