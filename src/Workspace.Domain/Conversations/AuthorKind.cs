namespace Workspace.Domain.Conversations;

/// <summary>Who wrote a message: the customer, an agent, an internal note, or the system.</summary>
public enum AuthorKind
{
    Customer,
    Agent,
    Note,
    System,
}
