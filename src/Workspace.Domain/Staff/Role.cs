namespace Workspace.Domain.Staff;

/// <summary>Staff roles; a user may hold several.</summary>
public enum Role
{
    Agent,
    Lead,
    QA,
    Admin,
}
