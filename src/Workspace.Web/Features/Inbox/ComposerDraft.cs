using Workspace.Domain.Conversations;

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

public enum DraftState
{
    Editing,
    Sending,
    Failed,
}
