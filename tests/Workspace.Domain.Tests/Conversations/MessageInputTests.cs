using System.Globalization;
using Workspace.Domain.Conversations;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Conversations;

public class MessageInputTests
{
    private const string ClientId = "3f2c8f0e-2b1d-4c1e-9a57-0d4c2b9b7e11";

    private static string[] ErrorsFor(ValidationErrors errors, string field) =>
        errors.ToDictionary().TryGetValue(field, out var messages) ? messages : [];

    [Fact]
    public void Validate_BodyAndUuidClientId_NoErrors() =>
        Assert.True(MessageInput.Validate(ClientId, "Hello, my invoice is wrong.").IsEmpty);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    public void Validate_BlankBody_SaysMessageIsEmpty(string? body)
    {
        var errors = MessageInput.Validate(ClientId, body);

        var message = Assert.Single(ErrorsFor(errors, "body"));
        Assert.Contains("empty", message, StringComparison.Ordinal);
        Assert.Empty(ErrorsFor(errors, "clientMessageId"));
    }

    [Fact]
    public void Validate_BodyAtLimit_Accepted() =>
        Assert.True(MessageInput.Validate(ClientId, new string('a', MessageInput.MaxBodyLength)).IsEmpty);

    [Fact]
    public void Validate_BodyOverLimit_NamesLengthAndLimit()
    {
        var errors = MessageInput.Validate(ClientId, new string('a', MessageInput.MaxBodyLength + 1));

        var message = Assert.Single(ErrorsFor(errors, "body"));
        Assert.Contains(4001.ToString("N0", CultureInfo.CurrentCulture), message, StringComparison.Ordinal);
        Assert.Contains(4000.ToString("N0", CultureInfo.CurrentCulture), message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxBodyLength_IsTheAdvertisedFourThousand() => Assert.Equal(4000, MessageInput.MaxBodyLength);

    [Theory]
    [InlineData("nul\0byte")]
    [InlineData("bell\u0007")]
    [InlineData("escape \u001b[31mred")]
    public void Validate_ControlCharacters_Rejected(string body)
    {
        var message = Assert.Single(ErrorsFor(MessageInput.Validate(ClientId, body), "body"));
        Assert.Contains("control characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LineBreaksAndTabs_Accepted() =>
        Assert.True(MessageInput.Validate(ClientId, "Line one\r\nLine two\n\tindented").IsEmpty);

    [Fact]
    public void Validate_MarkupInBody_AcceptedAsText() =>
        Assert.True(MessageInput.Validate(ClientId, "<img src=x onerror=alert(1)><script>alert(2)</script>").IsEmpty);

    [Theory]
    [InlineData("a")]
    [InlineData("web:1714557600000.42_x-y")]
    [InlineData(ClientId)]
    public void Validate_ClientIdOfSafeAlphabet_Accepted(string clientMessageId) =>
        Assert.Empty(ErrorsFor(MessageInput.Validate(clientMessageId, "hi"), "clientMessageId"));

    [Fact]
    public void Validate_ClientIdAtLimit_Accepted() =>
        Assert.True(MessageInput.Validate(new string('a', MessageInput.MaxClientMessageIdLength), "hi").IsEmpty);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("ümlaut")]
    [InlineData("quote'")]
    public void Validate_ClientIdMissingOrOutsideAlphabet_Rejected(string? clientMessageId)
    {
        var message = Assert.Single(ErrorsFor(MessageInput.Validate(clientMessageId, "hi"), "clientMessageId"));
        Assert.Contains("clientMessageId", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientIdOverLimit_Rejected() =>
        Assert.Single(ErrorsFor(MessageInput.Validate(new string('a', MessageInput.MaxClientMessageIdLength + 1), "hi"), "clientMessageId"));

    [Fact]
    public void Validate_BothWrong_ReportsBothFields()
    {
        var errors = MessageInput.Validate("", "");

        Assert.Equal(["body", "clientMessageId"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("  hello  ", "hello")]
    [InlineData("\r\n\r\nhello\r\n\r\n", "hello")]
    [InlineData("\tfirst line\n\nsecond line\n", "first line\n\nsecond line")]
    [InlineData("no change", "no change")]
    public void Normalize_SurroundingBlankLines_TrimmedInnerTextKept(string body, string expected) =>
        Assert.Equal(expected, MessageInput.Normalize(body));
}
