namespace Workspace.Domain.Signals;

/// <summary>How answers read: short and technical, or step-by-step and explanatory.</summary>
public enum Tone
{
    Concise,
    Guided,
}
