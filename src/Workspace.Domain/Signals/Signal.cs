namespace Workspace.Domain.Signals;

/// <summary>
/// One fact the workspace uses about a customer: its value, where it comes from, and a one-line
/// reason naming the facts behind it. <see cref="Top"/> marks the few an agent should see first.
/// <see cref="Field"/> names the protected customer field its value or reason discloses, if any.
/// </summary>
public sealed record Signal(string Key, string Label, string Value, SignalSource Source, string Reason, bool Top = false, bool Alert = false, string? Field = null);
