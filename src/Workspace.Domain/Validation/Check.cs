using System.Globalization;

namespace Workspace.Domain.Validation;

/// <summary>Small checks shared by the input validators, each naming the field it rejects.</summary>
public static class Check
{
    public static string? RequiredText(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"'{field}' is required.");
            return null;
        }
        return OptionalText(errors, field, value, maxLength);
    }

    public static string? OptionalText(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"'{field}' must be at most {maxLength} characters (got {trimmed.Length}).");
            return null;
        }
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, $"'{field}' must not contain control characters.");
            return null;
        }
        return trimmed.Length == 0 ? null : trimmed;
    }

    public static TEnum? OptionalEnum<TEnum>(ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // Enum.TryParse would read "Starter, Pro" as a combination of flags; one name is expected.
        if (!value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed)
            && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }
        errors.Add(field, $"'{field}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (got '{value}').");
        return null;
    }

    public static TEnum? RequiredEnum<TEnum>(ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"'{field}' is required: one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return null;
        }
        return OptionalEnum<TEnum>(errors, field, value);
    }

    public static decimal? NonNegativeAmount(ValidationErrors errors, string field, decimal? value, decimal max)
    {
        if (value is null)
        {
            return null;
        }
        if (value < 0)
        {
            errors.Add(field, $"'{field}' must not be negative.");
            return null;
        }
        if (value > max)
        {
            errors.Add(field, $"'{field}' must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        return decimal.Round(value.Value, 2);
    }

    public static string? Email(ValidationErrors errors, string field, string? value, bool required)
    {
        var text = required ? RequiredText(errors, field, value, 254) : OptionalText(errors, field, value, 254);
        if (text is null)
        {
            return null;
        }
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
        {
            errors.Add(field, $"'{field}' must be an email address like name@example.com.");
            return null;
        }
        return text;
    }

    public static string? TimeZone(ValidationErrors errors, string field, string? value)
    {
        var text = OptionalText(errors, field, value, 64);
        if (text is null)
        {
            return null;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out _))
        {
            errors.Add(field, $"'{field}' must be an IANA time zone such as Europe/Berlin (got '{text}').");
            return null;
        }
        return text;
    }

    public static string? Locale(ValidationErrors errors, string field, string? value)
    {
        var text = OptionalText(errors, field, value, 16);
        if (text is null)
        {
            return null;
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(text, predefinedOnly: true);
            return culture.Name;
        }
        catch (CultureNotFoundException)
        {
            errors.Add(field, $"'{field}' must be a locale such as en-US (got '{text}').");
            return null;
        }
    }

    /// <summary>External ids appear in URLs and signed widget links, so they keep to a safe alphabet.</summary>
    public static bool IsExternalId(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= 64
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@');

    public static string? ExternalId(ValidationErrors errors, string field, string? value)
    {
        if (IsExternalId(value))
        {
            return value;
        }
        errors.Add(field, $"'{field}' must be 1 to 64 characters of letters, digits, '-', '_', '.', ':' or '@'.");
        return null;
    }
}
