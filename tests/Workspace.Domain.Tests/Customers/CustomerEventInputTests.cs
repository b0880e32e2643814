using Workspace.Domain.Customers;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Customers;

public class CustomerEventInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static CustomerEventInput Valid(string id = "evt_1") => new()
    {
        EventId = id,
        Kind = "FeatureUsed",
        Name = "dashboards",
        OccurredAt = Now.AddHours(-1).ToOffset(TimeSpan.FromHours(2)),
        Properties = new() { ["device"] = "web" },
    };

    [Fact]
    public void Validate_ValidEvent_ReturnsEventInUtc()
    {
        var errors = new ValidationErrors();

        var e = Valid().Validate(errors, Now);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.NotNull(e);
        Assert.Equal("evt_1", e.EventId);
        Assert.Equal(EventKind.FeatureUsed, e.Kind);
        Assert.Equal("dashboards", e.Name);
        Assert.Equal(Now.AddHours(-1), e.OccurredAt);
        Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
        Assert.Equal("web", e.Properties["device"]);
    }

    [Fact]
    public void Validate_EmptyObject_NamesEveryRequiredField()
    {
        var errors = new ValidationErrors();

        Assert.Null(new CustomerEventInput().Validate(errors, Now));

        Assert.Equal(["eventId", "kind", "name", "occurredAt"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_UnknownKind_ListsAllowedKinds()
    {
        var errors = new ValidationErrors();

        Assert.Null((Valid() with { Kind = "PageView" }).Validate(errors, Now));

        Assert.Contains(
            "FeatureUsed, OnboardingStepCompleted, OnboardingStepFailed, ErrorRaised, Login",
            Assert.Single(errors.ToDictionary()["kind"]),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TimestampBeyondClockTolerance_RejectedAsFuture()
    {
        var errors = new ValidationErrors();

        Assert.Null((Valid() with { OccurredAt = Now + CustomerEventInput.FutureTolerance + TimeSpan.FromMilliseconds(1) }).Validate(errors, Now));

        Assert.Contains("future", Assert.Single(errors.ToDictionary()["occurredAt"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TimestampWithinClockTolerance_Accepted()
    {
        var errors = new ValidationErrors();

        Assert.NotNull((Valid() with { OccurredAt = Now + CustomerEventInput.FutureTolerance }).Validate(errors, Now));
    }

    [Fact]
    public void Validate_TooManyProperties_NamesProperties()
    {
        var properties = Enumerable.Range(0, CustomerEventInput.MaxProperties + 1).ToDictionary(i => $"p{i}", i => (string?)"v");
        var errors = new ValidationErrors();

        Assert.Null((Valid() with { Properties = properties }).Validate(errors, Now));

        Assert.Equal(["properties"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_PropertyValueTooLong_NamesTheProperty()
    {
        var errors = new ValidationErrors();

        Assert.Null((Valid() with { Properties = new() { ["stack"] = new string('x', 501) } }).Validate(errors, Now));

        Assert.Equal(["properties.stack"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void ValidateBatch_ValidEvents_ReturnsAllInOrder()
    {
        var errors = new ValidationErrors();

        var events = CustomerEventInput.ValidateBatch([Valid("a"), Valid("b"), Valid("c")], errors, Now);

        Assert.NotNull(events);
        Assert.Equal(["a", "b", "c"], events.Select(e => e.EventId));
    }

    [Fact]
    public void ValidateBatch_Empty_NamesEvents()
    {
        var errors = new ValidationErrors();

        Assert.Null(CustomerEventInput.ValidateBatch([], errors, Now));

        Assert.Equal(["events"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void ValidateBatch_ExactlyMaxBatch_Accepted()
    {
        var batch = Enumerable.Range(0, CustomerEventInput.MaxBatch).Select(i => Valid($"evt_{i}")).ToList();
        var errors = new ValidationErrors();

        Assert.Equal(CustomerEventInput.MaxBatch, CustomerEventInput.ValidateBatch(batch, errors, Now)?.Count);
    }

    [Fact]
    public void ValidateBatch_MoreThanMaxBatch_RejectedWithCount()
    {
        var batch = Enumerable.Range(0, CustomerEventInput.MaxBatch + 1).Select(i => Valid($"evt_{i}")).ToList();
        var errors = new ValidationErrors();

        Assert.Null(CustomerEventInput.ValidateBatch(batch, errors, Now));

        var message = Assert.Single(errors.ToDictionary()["events"]);
        Assert.Contains("1000", message, StringComparison.Ordinal);
        Assert.Contains("1001", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBatch_BadEventsInBatch_ErrorsPrefixedWithIndex()
    {
        var errors = new ValidationErrors();

        var result = CustomerEventInput.ValidateBatch(
            [Valid("a"), Valid("b") with { Kind = "Nope" }, Valid("c") with { OccurredAt = Now.AddDays(1), Name = null }],
            errors, Now);

        Assert.Null(result);
        Assert.Equal(
            ["events[1].kind", "events[2].name", "events[2].occurredAt"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidateBatch_DuplicateEventId_NamesTheRepeat()
    {
        var errors = new ValidationErrors();

        Assert.Null(CustomerEventInput.ValidateBatch([Valid("same"), Valid("other"), Valid("same")], errors, Now));

        var message = Assert.Single(errors.ToDictionary()["events[2].eventId"]);
        Assert.Contains("same", message, StringComparison.Ordinal);
        Assert.Single(errors.ToDictionary());
    }

    [Fact]
    public void ValidateBatch_NullEntry_NamesItsIndex()
    {
        var errors = new ValidationErrors();

        Assert.Null(CustomerEventInput.ValidateBatch([Valid("a"), null], errors, Now));

        Assert.Equal(["events[1]"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void ValidateBatch_SingleBadEvent_ErrorsNameFieldsWithoutIndex()
    {
        var errors = new ValidationErrors();

        Assert.Null(CustomerEventInput.ValidateBatch([Valid() with { EventId = "bad id" }], errors, Now));

        Assert.Equal(["eventId"], errors.ToDictionary().Keys);
    }
}
