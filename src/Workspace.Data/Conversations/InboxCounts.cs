namespace Workspace.Data.Conversations;

public sealed record InboxCounts(int Mine, int Team, int Unassigned, int All);
