using Workspace.Domain.Validation;

namespace Workspace.Domain.Customers;

/// <summary>
/// A profile as it arrives from outside (REST API, demo data): every field optional and textual so
/// that each wrong field can be named in the reply instead of failing the whole body at once.
/// </summary>
public sealed record CustomerProfileInput
{
    public const int MaxAttributes = 50;
    public const decimal MaxMoney = 1_000_000_000_000m;

    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Company { get; init; }
    public string? Locale { get; init; }
    public string? TimeZone { get; init; }
    public string? Tier { get; init; }
    public decimal? Arr { get; init; }
    public decimal? LifetimeValue { get; init; }
    public string? Plan { get; init; }
    public string? ProductVersion { get; init; }
    public string? LifecycleStage { get; init; }
    public bool? AtRisk { get; init; }
    public string? ExperienceLevel { get; init; }
    public DateTimeOffset? SignedUpAt { get; init; }
    public DateTimeOffset? RenewalAt { get; init; }
    public Dictionary<string, string?>? Attributes { get; init; }

    public CustomerProfile? Validate(string? externalId, ValidationErrors errors)
    {
        var id = Check.ExternalId(errors, "externalId", externalId);
        var name = Check.RequiredText(errors, "name", Name, 200);
        var email = Check.Email(errors, "email", Email, required: false);
        var phone = Check.OptionalText(errors, "phone", Phone, 40);
        var company = Check.OptionalText(errors, "company", Company, 200);
        var locale = Check.Locale(errors, "locale", Locale);
        var timeZone = Check.TimeZone(errors, "timeZone", TimeZone);
        var tier = Check.RequiredEnum<Tier>(errors, "tier", Tier);
        var arr = Check.NonNegativeAmount(errors, "arr", Arr, MaxMoney);
        var ltv = Check.NonNegativeAmount(errors, "lifetimeValue", LifetimeValue, MaxMoney);
        var plan = Check.OptionalText(errors, "plan", Plan, 100);
        var version = Check.OptionalText(errors, "productVersion", ProductVersion, 50);
        var stage = Check.OptionalEnum<LifecycleStage>(errors, "lifecycleStage", LifecycleStage);
        var level = Check.OptionalEnum<ExperienceLevel>(errors, "experienceLevel", ExperienceLevel);
        if (SignedUpAt is { } signed && RenewalAt is { } renewal && renewal < signed)
        {
            errors.Add("renewalAt", "'renewalAt' must not be before 'signedUpAt'.");
        }
        var attributes = ValidateAttributes(errors);

        if (!errors.IsEmpty || id is null || name is null || tier is null)
        {
            return null;
        }
        return new CustomerProfile(
            id, name, email, phone, company, locale, timeZone, tier.Value,
            arr ?? 0m, ltv ?? 0m, plan, version, stage, AtRisk,
            level ?? Customers.ExperienceLevel.New, SignedUpAt, RenewalAt, attributes);
    }

    private Dictionary<string, string> ValidateAttributes(ValidationErrors errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Attributes is null)
        {
            return result;
        }
        if (Attributes.Count > MaxAttributes)
        {
            errors.Add("attributes", $"'attributes' may hold at most {MaxAttributes} entries (got {Attributes.Count}).");
            return result;
        }
        foreach (var (key, value) in Attributes)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                errors.Add("attributes", $"Attribute name '{key}' must be 1 to 64 letters, digits, '_', '-' or '.'.");
                continue;
            }
            var text = Check.OptionalText(errors, $"attributes.{key}", value, 1000);
            if (text is not null)
            {
                result[key] = text;
            }
        }
        return result;
    }
}
