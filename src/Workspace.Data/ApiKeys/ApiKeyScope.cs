namespace Workspace.Data.ApiKeys;

/// <summary>
/// What a key may see: an <c>Integration</c> key pushes and reads customer data with sensitive
/// fields masked; a <c>Full</c> key sees them unmasked.
/// </summary>
public enum ApiKeyScope
{
    Integration,
    Full,
}
