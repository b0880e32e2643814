using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;

namespace Workspace.Web.Features.Inbox;

/// <summary>
/// The agent's message being written. Its client message id is fixed when the draft starts and kept
/// through a retry, so a double click or a retry after an error never stores the message twice; a
/// fresh id comes only with the next draft.
/// </summary>
public sealed class ComposerDraft
{
    private string _text = "";

    public string Text
    {
        get => _text;
        set
        {
            if (value != _text && State == DraftState.Failed)
            {
                // Edited after a failure: this is a different message now.
                ClientMessageId = NewId();
                State = DraftState.Editing;
                Error = null;
            }
            _text = value;
        }
    }

    public bool IsNote { get; set; }

    /// <summary>The template inserted into this draft and the text it rendered, so sending can say whether the agent edited it.</summary>
    public InsertedTemplate? Template { get; private set; }

    /// <summary>
    /// Puts a rendered template into the draft: it replaces an empty draft, and goes after what the agent
    /// already wrote otherwise (then the message counts as edited).
    /// </summary>
    public void Insert(string key, int version, string text)
    {
        Text = string.IsNullOrWhiteSpace(_text) ? text : _text.TrimEnd() + "\n\n" + text;
        Template = new InsertedTemplate(key, version, text);
    }

    /// <summary>
    /// What the sent message records: the template and whether the text differs from what it rendered. When
    /// no line of the rendered text is left, the agent wrote their own message and no template is recorded.
    /// </summary>
    public SentTemplate? TemplateUse =>
        Template is { } t && !IsNote && t.Rendered.Split('\n').Any(line => line.Trim().Length > 0 && _text.Contains(line.Trim(), StringComparison.Ordinal))
            ? new SentTemplate(t.Key, t.Version, !string.Equals(_text.Trim(), t.Rendered.Trim(), StringComparison.Ordinal), t.Rendered)
            : null;

    public string ClientMessageId { get; private set; } = NewId();

    public DraftState State { get; private set; } = DraftState.Editing;

    public string? Error { get; private set; }

    public bool CanSend => State != DraftState.Sending && !string.IsNullOrWhiteSpace(_text) && _text.Length <= MessageInput.MaxBodyLength;

    public int Remaining => MessageInput.MaxBodyLength - _text.Length;

    /// <summary>Marks the draft as sending; false when it already is (a double submit).</summary>
    public bool BeginSend()
    {
        if (!CanSend)
        {
            return false;
        }
        State = DraftState.Sending;
        Error = null;
        return true;
    }

    public void Sent()
    {
        _text = "";
        Template = null;
        ClientMessageId = NewId();
        State = DraftState.Editing;
        Error = null;
    }

    public void Failed(string error)
    {
        State = DraftState.Failed;
        Error = error;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}

public sealed record InsertedTemplate(string Key, int Version, string Rendered);

public enum DraftState
{
    Editing,
    Sending,
    Failed,
}
