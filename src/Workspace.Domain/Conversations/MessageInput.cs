using Workspace.Domain.Validation;

namespace Workspace.Domain.Conversations;

/// <summary>
/// The rules every message obeys, whoever sends it and however it arrives (widget, agent composer,
/// REST API): a non-blank body of at most <see cref="MaxBodyLength"/> characters, and a client message
/// id that makes a retry of the same send return the original message instead of storing a second one.
/// </summary>
public static class MessageInput
{
    public const int MaxBodyLength = 4000;
    public const int MaxClientMessageIdLength = 64;

    public static ValidationErrors Validate(string? clientMessageId, string? body)
    {
        var errors = new ValidationErrors();
        ValidateBody(errors, body);
        ValidateClientMessageId(errors, clientMessageId);
        return errors;
    }

    public static void ValidateBody(ValidationErrors errors, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add("body", "The message is empty: write something before sending.");
        }
        else if (body.Length > MaxBodyLength)
        {
            errors.Add("body", $"The message is {body.Length:N0} characters long; the limit is {MaxBodyLength:N0}.");
        }
        else if (body.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add("body", "The message contains control characters.");
        }
    }

    public static void ValidateClientMessageId(ValidationErrors errors, string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId)
            || clientMessageId.Length > MaxClientMessageIdLength
            || !clientMessageId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.'))
        {
            errors.Add("clientMessageId", $"'clientMessageId' must be 1 to {MaxClientMessageIdLength} letters, digits, '-', '_', ':' or '.' (a UUID works).");
        }
    }

    /// <summary>Bodies are stored as written apart from surrounding blank lines, which carry no meaning.</summary>
    public static string Normalize(string body) => body.Trim('\r', '\n', ' ', '\t');
}
