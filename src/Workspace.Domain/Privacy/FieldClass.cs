namespace Workspace.Domain.Privacy;

/// <summary>How sensitive a customer field is; decides who sees it unmasked.</summary>
public enum FieldClass
{
    Public,
    Contact,
    Financial,
    Sensitive,
}
