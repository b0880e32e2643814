using Workspace.Domain.Customers;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Validation;

public class CheckTests
{
    [Theory]
    [InlineData("cus_0001", true)]
    [InlineData("acme:user-42@eu.example", true)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("ümlaut", false)]
    [InlineData("a/b", false)]
    public void IsExternalId_Examples_AcceptOnlySafeAlphabet(string? value, bool expected) =>
        Assert.Equal(expected, Check.IsExternalId(value));

    [Fact]
    public void IsExternalId_LengthLimit_Accepts64AndRejects65()
    {
        Assert.True(Check.IsExternalId(new string('a', 64)));
        Assert.False(Check.IsExternalId(new string('a', 65)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequiredText_Missing_NamesFieldAsRequired(string? value)
    {
        var errors = new ValidationErrors();

        var result = Check.RequiredText(errors, "name", value, 10);

        Assert.Null(result);
        var message = Assert.Single(errors.ToDictionary()["name"]);
        Assert.Contains("required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalText_Whitespace_TrimmedAndEmptyBecomesNull()
    {
        var errors = new ValidationErrors();

        Assert.Equal("Acme", Check.OptionalText(errors, "company", "  Acme \t", 10));
        Assert.Null(Check.OptionalText(errors, "company", "   ", 10));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void OptionalText_TooLong_NamesLimitAndLength()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.OptionalText(errors, "plan", new string('x', 11), 10));

        var message = Assert.Single(errors.ToDictionary()["plan"]);
        Assert.Contains("at most 10", message, StringComparison.Ordinal);
        Assert.Contains("got 11", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalText_ControlCharacter_Rejected()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.OptionalText(errors, "name", "Ada\u0000Lovelace", 100));

        Assert.True(errors.ToDictionary().ContainsKey("name"));
    }

    [Fact]
    public void OptionalText_LineBreaksAndTabs_Kept()
    {
        var errors = new ValidationErrors();

        Assert.Equal("line one\nline\ttwo", Check.OptionalText(errors, "description", "line one\nline\ttwo", 100));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("enterprise", Tier.Enterprise)]
    [InlineData(" Pro ", Tier.Pro)]
    [InlineData("FREE", Tier.Free)]
    public void OptionalEnum_NameInAnyCase_Parsed(string value, Tier expected)
    {
        var errors = new ValidationErrors();

        Assert.Equal(expected, Check.OptionalEnum<Tier>(errors, "tier", value));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("Platinum")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("99")]
    public void OptionalEnum_UnknownOrNumeric_ListsAllowedValues(string value)
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.OptionalEnum<Tier>(errors, "tier", value));

        var message = Assert.Single(errors.ToDictionary()["tier"]);
        Assert.Contains("Free, Starter, Pro, Enterprise", message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
    }

    // Enum.TryParse reads "Starter, Pro" as the flags combination Starter|Pro, which is the value of
    // Enterprise: a client sending a list must be told it is invalid, not be silently upgraded.
    [Theory]
    [InlineData("Starter, Pro")]
    [InlineData("Free,Pro")]
    public void OptionalEnum_CommaSeparatedNames_Rejected(string value)
    {
        var errors = new ValidationErrors();

        var parsed = Check.OptionalEnum<Tier>(errors, "tier", value);

        Assert.Null(parsed);
        Assert.True(errors.ToDictionary().ContainsKey("tier"));
    }

    [Fact]
    public void OptionalEnum_Missing_NoErrorAndNull()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.OptionalEnum<Tier>(errors, "tier", null));
        Assert.Null(Check.OptionalEnum<Tier>(errors, "tier", " "));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void RequiredEnum_Missing_RequiredWithAllowedValues()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.RequiredEnum<TransactionKind>(errors, "kind", null));

        var message = Assert.Single(errors.ToDictionary()["kind"]);
        Assert.Contains("required", message, StringComparison.Ordinal);
        Assert.Contains("Order, Invoice, Refund", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNegativeAmount_Negative_Rejected()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.NonNegativeAmount(errors, "arr", -0.01m, 100m));

        var message = Assert.Single(errors.ToDictionary()["arr"]);
        Assert.Contains("negative", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNegativeAmount_AboveMax_Rejected()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.NonNegativeAmount(errors, "arr", 100.01m, 100m));

        Assert.Contains("at most 100", Assert.Single(errors.ToDictionary()["arr"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("100", "100")]
    [InlineData("12.346", "12.35")]
    [InlineData("12.3", "12.3")]
    public void NonNegativeAmount_InRange_RoundedToCents(string value, string expected)
    {
        var errors = new ValidationErrors();

        var result = Check.NonNegativeAmount(errors, "arr", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 100m);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData(" Ada.Lovelace+support@example.co.uk ")]
    public void Email_WellFormed_AcceptedAndTrimmed(string value)
    {
        var errors = new ValidationErrors();

        var result = Check.Email(errors, "email", value, required: true);

        Assert.Equal(value.Trim(), result);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("ada lovelace@example.com")]
    public void Email_Malformed_NamesField(string value)
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.Email(errors, "email", value, required: false));

        Assert.True(errors.ToDictionary().ContainsKey("email"), $"'{value}' was accepted as an email address.");
    }

    // Spaces are refused, and a line break or tab inside an address is whitespace just the same:
    // stored, it would split the address (or a mail header built from it) in two.
    [Theory]
    [InlineData("ada@example.com\nbcc")]
    [InlineData("ada@exa\tmple.com")]
    [InlineData("ada\r\n@example.com")]
    public void Email_InnerLineBreakOrTab_Rejected(string value)
    {
        var errors = new ValidationErrors();

        var result = Check.Email(errors, "email", value, required: false);

        Assert.Null(result);
        Assert.True(errors.ToDictionary().ContainsKey("email"));
    }

    [Fact]
    public void Email_RequiredButMissing_NamesField()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.Email(errors, "email", null, required: true));

        Assert.Contains("required", Assert.Single(errors.ToDictionary()["email"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Email_OptionalAndMissing_NoError()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.Email(errors, "email", null, required: false));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public void TimeZone_Iana_Accepted(string value)
    {
        var errors = new ValidationErrors();

        Assert.Equal(value, Check.TimeZone(errors, "timeZone", value));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Berlin")]
    public void TimeZone_Unknown_NamesFieldWithExample(string value)
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.TimeZone(errors, "timeZone", value));

        var message = Assert.Single(errors.ToDictionary()["timeZone"]);
        Assert.Contains("Europe/Berlin", message, StringComparison.Ordinal);
        Assert.Contains(value, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "en-US")]
    [InlineData("de-de", "de-DE")]
    [InlineData("fr", "fr")]
    public void Locale_Known_NormalizedName(string value, string expected)
    {
        var errors = new ValidationErrors();

        Assert.Equal(expected, Check.Locale(errors, "locale", value));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("xx-NOPE")]
    [InlineData("english")]
    public void Locale_Unknown_NamesField(string value)
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.Locale(errors, "locale", value));

        Assert.Contains("en-US", Assert.Single(errors.ToDictionary()["locale"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalId_Invalid_NamesAllowedCharacters()
    {
        var errors = new ValidationErrors();

        Assert.Null(Check.ExternalId(errors, "externalId", "has space"));

        Assert.Contains("letters, digits", Assert.Single(errors.ToDictionary()["externalId"]), StringComparison.Ordinal);
    }
}
