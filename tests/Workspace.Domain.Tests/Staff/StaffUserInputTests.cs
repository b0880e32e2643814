using Workspace.Domain.Staff;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Staff;

public class StaffUserInputTests
{
    [Fact]
    public void Validate_CompleteInput_NoErrors()
    {
        var errors = new StaffUserInput("sam@demo.local", "Sam Lee", "Str0ng!pass", [Role.Agent, Role.QA]).Validate();

        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Fact]
    public void Validate_EverythingMissing_NamesEachField()
    {
        var errors = new StaffUserInput(null, " ", null, []).Validate();

        Assert.Equal(["displayName", "email", "password", "roles"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_BadEmail_NamesEmail() =>
        Assert.Equal(["email"], new StaffUserInput("sam.demo.local", "Sam", "Str0ng!pass", [Role.Admin]).Validate().ToDictionary().Keys);

    [Theory]
    [InlineData("Ab1!xyz")]
    [InlineData("")]
    [InlineData(null)]
    public void ValidatePassword_ShorterThanEight_RejectedWithMinimum(string? password)
    {
        var errors = new ValidationErrors();

        StaffUserInput.ValidatePassword(errors, password);

        Assert.Contains("at least 8", Assert.Single(errors.ToDictionary()["password"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alllowercase")]
    [InlineData("lowercase123")]
    [InlineData("UPPER!!!!")]
    [InlineData("12345678")]
    public void ValidatePassword_FewerThanThreeCharacterClasses_Rejected(string password)
    {
        var errors = new ValidationErrors();

        StaffUserInput.ValidatePassword(errors, password);

        Assert.Contains("three", Assert.Single(errors.ToDictionary()["password"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Demo!2345")]
    [InlineData("Abcdefg1")]
    [InlineData("abcdef1!")]
    [InlineData("ABCDEF1!")]
    public void ValidatePassword_EightCharactersWithThreeClasses_Accepted(string password)
    {
        var errors = new ValidationErrors();

        StaffUserInput.ValidatePassword(errors, password);

        Assert.True(errors.IsEmpty, errors.ToString());
    }
}
