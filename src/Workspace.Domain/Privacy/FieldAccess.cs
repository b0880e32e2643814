namespace Workspace.Domain.Privacy;

/// <summary>What a viewer gets for one field: the value, a mask they may lift (audited), or only a mask.</summary>
public enum FieldAccess
{
    Visible,
    Revealable,
    Hidden,
}
