namespace Workspace.Data.Teams;

public sealed record Team(long Id, string Name);
