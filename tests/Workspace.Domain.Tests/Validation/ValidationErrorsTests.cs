using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Validation;

public class ValidationErrorsTests
{
    [Fact]
    public void IsEmpty_NewInstance_True() => Assert.True(new ValidationErrors().IsEmpty);

    [Fact]
    public void Add_TwoMessagesForOneField_BothKeptInOrder()
    {
        var errors = new ValidationErrors();

        errors.Add("email", "first");
        errors.Add("email", "second");

        Assert.False(errors.IsEmpty);
        Assert.Equal(["first", "second"], errors.ToDictionary()["email"]);
    }

    [Fact]
    public void Merge_WithPrefix_PrefixesEachField()
    {
        var inner = new ValidationErrors();
        inner.Add("eventId", "bad id");
        inner.Add("kind", "bad kind");
        var outer = new ValidationErrors();

        outer.Merge("events[3]", inner);

        var fields = outer.ToDictionary();
        Assert.Equal(["events[3].eventId", "events[3].kind"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["bad id"], fields["events[3].eventId"]);
    }

    [Fact]
    public void Merge_EmptyFieldName_UsesPrefixAlone()
    {
        var inner = new ValidationErrors();
        inner.Add("", "whole object is wrong");
        var outer = new ValidationErrors();

        outer.Merge("events[0]", inner);

        Assert.Equal(["whole object is wrong"], outer.ToDictionary()["events[0]"]);
    }

    [Fact]
    public void ToString_ListsFieldsAndMessages()
    {
        var errors = new ValidationErrors();
        errors.Add("name", "'name' is required.");

        Assert.Equal("name: 'name' is required.", errors.ToString());
    }
}
