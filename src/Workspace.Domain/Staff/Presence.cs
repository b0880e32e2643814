namespace Workspace.Domain.Staff;

/// <summary>Whether an agent can take conversations right now.</summary>
public enum Presence
{
    Online,
    Away,
    Offline,
}
