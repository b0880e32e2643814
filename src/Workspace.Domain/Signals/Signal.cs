namespace Workspace.Domain.Signals;

/// <summary>
/// One fact the workspace uses about a customer: its value, where it comes from, and a one-line
/// reason naming the facts behind it. <see cref="Top"/> marks the few an agent should see first.
/// <see cref="Fields"/> names the protected customer fields its value or reason discloses, if any: a
/// viewer who may not see every one of them gets no details.
/// </summary>
public sealed record Signal(string Key, string Label, string Value, SignalSource Source, string Reason, bool Top = false, bool Alert = false, IReadOnlyList<string>? Fields = null);
