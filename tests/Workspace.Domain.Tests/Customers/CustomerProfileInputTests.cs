using Workspace.Domain.Customers;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Customers;

public class CustomerProfileInputTests
{
    private static readonly DateTimeOffset SignedUp = new(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));

    private static CustomerProfileInput Complete() => new()
    {
        Name = "  Ada Lovelace ",
        Email = "ada@example.com",
        Phone = "+44 20 7946 0000",
        Company = "Analytical Engines Ltd",
        Locale = "en-GB",
        TimeZone = "Europe/London",
        Tier = "pro",
        Arr = 24_000.5m,
        LifetimeValue = 60_000m,
        Plan = "Pro Annual",
        ProductVersion = "5.2",
        LifecycleStage = "Adoption",
        AtRisk = true,
        ExperienceLevel = "Expert",
        SignedUpAt = SignedUp,
        RenewalAt = SignedUp.AddYears(1),
        Attributes = new() { ["seats"] = "42", ["industry"] = "Software" },
    };

    private static IReadOnlyDictionary<string, string[]> Reject(CustomerProfileInput input, string? externalId = "cus_0001")
    {
        var errors = new ValidationErrors();
        var profile = input.Validate(externalId, errors);
        Assert.Null(profile);
        return errors.ToDictionary();
    }

    [Fact]
    public void Validate_CompleteProfile_ReturnsNormalizedProfile()
    {
        var errors = new ValidationErrors();

        var profile = Complete().Validate("cus_0001", errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.NotNull(profile);
        Assert.Equal("cus_0001", profile.ExternalId);
        Assert.Equal("Ada Lovelace", profile.Name);
        Assert.Equal("ada@example.com", profile.Email);
        Assert.Equal("en-GB", profile.Locale);
        Assert.Equal("Europe/London", profile.TimeZone);
        Assert.Equal(Tier.Pro, profile.Tier);
        Assert.Equal(24_000.5m, profile.Arr);
        Assert.Equal(60_000m, profile.LifetimeValue);
        Assert.Equal(LifecycleStage.Adoption, profile.LifecycleStage);
        Assert.True(profile.AtRisk);
        Assert.Equal(ExperienceLevel.Expert, profile.ExperienceLevel);
        Assert.Equal(SignedUp, profile.SignedUpAt);
        Assert.Equal("42", profile.Attributes["seats"]);
        Assert.Equal(2, profile.Attributes.Count);
    }

    [Fact]
    public void Validate_OnlyNameAndTier_DefaultsTheRest()
    {
        var errors = new ValidationErrors();

        var profile = new CustomerProfileInput { Name = "Ada", Tier = "Free" }.Validate("cus_1", errors);

        Assert.NotNull(profile);
        Assert.Equal(0m, profile.Arr);
        Assert.Equal(0m, profile.LifetimeValue);
        Assert.Null(profile.LifecycleStage);
        Assert.Null(profile.AtRisk);
        Assert.Equal(ExperienceLevel.New, profile.ExperienceLevel);
        Assert.Empty(profile.Attributes);
    }

    [Fact]
    public void Validate_MissingNameAndTier_NamesBothFields()
    {
        var fields = Reject(new CustomerProfileInput());

        Assert.Contains("name", fields.Keys);
        Assert.Contains("Free, Starter, Pro, Enterprise", Assert.Single(fields["tier"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_BadExternalId_NamesExternalId(string? externalId) =>
        Assert.Contains("externalId", Reject(Complete(), externalId).Keys);

    [Fact]
    public void Validate_UnknownEnumValues_EachListsAllowedValues()
    {
        var fields = Reject(Complete() with { Tier = "Gold", LifecycleStage = "Churned", ExperienceLevel = "Guru" });

        Assert.Contains("Free, Starter, Pro, Enterprise", Assert.Single(fields["tier"]), StringComparison.Ordinal);
        Assert.Contains("Onboarding, Adoption, Maturity, Retention", Assert.Single(fields["lifecycleStage"]), StringComparison.Ordinal);
        Assert.Contains("New, Intermediate, Expert", Assert.Single(fields["experienceLevel"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeMoney_NamesArrAndLifetimeValue()
    {
        var fields = Reject(Complete() with { Arr = -1m, LifetimeValue = -0.01m });

        Assert.Contains("negative", Assert.Single(fields["arr"]), StringComparison.Ordinal);
        Assert.Contains("negative", Assert.Single(fields["lifetimeValue"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoneyAboveMaximum_NamesArr()
    {
        var fields = Reject(Complete() with { Arr = CustomerProfileInput.MaxMoney + 1m });

        Assert.Contains("arr", fields.Keys);
    }

    [Fact]
    public void Validate_BadEmail_NamesEmail() =>
        Assert.Equal(["email"], Reject(Complete() with { Email = "ada.example.com" }).Keys);

    [Fact]
    public void Validate_BadTimeZone_NamesTimeZone() =>
        Assert.Equal(["timeZone"], Reject(Complete() with { TimeZone = "Mars/Base" }).Keys);

    [Fact]
    public void Validate_BadLocale_NamesLocale() =>
        Assert.Equal(["locale"], Reject(Complete() with { Locale = "xx-NOPE" }).Keys);

    [Fact]
    public void Validate_RenewalBeforeSignUp_NamesRenewalAt()
    {
        var fields = Reject(Complete() with { RenewalAt = SignedUp.AddMinutes(-1) });

        Assert.Equal(["renewalAt"], fields.Keys);
        Assert.Contains("signedUpAt", Assert.Single(fields["renewalAt"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RenewalEqualToSignUp_Accepted()
    {
        var errors = new ValidationErrors();

        Assert.NotNull((Complete() with { RenewalAt = SignedUp }).Validate("cus_1", errors));
    }

    [Fact]
    public void Validate_TooManyAttributes_NamesAttributes()
    {
        var attributes = Enumerable.Range(0, CustomerProfileInput.MaxAttributes + 1).ToDictionary(i => $"a{i}", i => (string?)"x");

        var fields = Reject(Complete() with { Attributes = attributes });

        Assert.Contains("at most 50", Assert.Single(fields["attributes"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FiftyAttributes_Accepted()
    {
        var attributes = Enumerable.Range(0, CustomerProfileInput.MaxAttributes).ToDictionary(i => $"a{i}", i => (string?)"x");
        var errors = new ValidationErrors();

        var profile = (Complete() with { Attributes = attributes }).Validate("cus_1", errors);

        Assert.Equal(CustomerProfileInput.MaxAttributes, profile?.Attributes.Count);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("emoji😀")]
    public void Validate_BadAttributeName_NamesAttributes(string key)
    {
        var fields = Reject(Complete() with { Attributes = new() { [key] = "value" } });

        Assert.Equal(["attributes"], fields.Keys);
    }

    [Fact]
    public void Validate_AttributeNameOf65Characters_NamesAttributes() =>
        Assert.Equal(["attributes"], Reject(Complete() with { Attributes = new() { [new string('k', 65)] = "v" } }).Keys);

    [Fact]
    public void Validate_AttributeValueTooLong_NamesTheAttribute()
    {
        var fields = Reject(Complete() with { Attributes = new() { ["notes"] = new string('x', 1001) } });

        Assert.Equal(["attributes.notes"], fields.Keys);
    }

    [Fact]
    public void Validate_NullAttributeValue_Dropped()
    {
        var errors = new ValidationErrors();

        var profile = (Complete() with { Attributes = new() { ["seats"] = null, ["plan_note"] = "ok" } }).Validate("cus_1", errors);

        Assert.NotNull(profile);
        Assert.Equal(["plan_note"], profile.Attributes.Keys);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOne()
    {
        var fields = Reject(new CustomerProfileInput
        {
            Email = "nope",
            Tier = "Gold",
            Arr = -5m,
            TimeZone = "Nowhere/Special",
            Locale = "zz-ZZZZ",
        }, "bad id");

        Assert.Equal(
            ["arr", "email", "externalId", "locale", "name", "tier", "timeZone"],
            fields.Keys.Order(StringComparer.Ordinal));
    }
}
