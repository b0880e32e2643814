namespace Workspace.Data.Audit;

/// <summary>One append-only audit record: who did what to which target, and the change.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Details);
