using Workspace.Domain.Validation;

namespace Workspace.Domain.Staff;

/// <summary>A new staff account as an admin enters it.</summary>
public sealed record StaffUserInput(string? Email, string? DisplayName, string? Password, IReadOnlyCollection<Role> Roles)
{
    public const int MinPasswordLength = 8;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Check.Email(errors, "email", Email, required: true);
        Check.RequiredText(errors, "displayName", DisplayName, 100);
        ValidatePassword(errors, Password);
        if (Roles.Count == 0)
        {
            errors.Add("roles", "Choose at least one role.");
        }
        return errors;
    }

    public static void ValidatePassword(ValidationErrors errors, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            errors.Add("password", $"The password must be at least {MinPasswordLength} characters.");
            return;
        }
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) };
        if (classes.Count(c => c) < 3)
        {
            errors.Add("password", "The password must mix at least three of: lower case, upper case, digits, symbols.");
        }
    }
}
