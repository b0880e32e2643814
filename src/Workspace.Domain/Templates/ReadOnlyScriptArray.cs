using Scriban.Runtime;

namespace Workspace.Domain.Templates;

/// <summary>
/// A list of the template model: templates read it, index it and loop over it, but cannot replace its items.
/// Scriban assigns items through the list accessor, which <see cref="SandboxContext"/> makes read-only for this
/// type; the indexer refuses as well, for any other path.
/// </summary>
internal sealed class ReadOnlyScriptArray : ScriptArray
{
    public ReadOnlyScriptArray(IEnumerable<object?> values)
        : base(values)
    {
        IsReadOnly = true;
    }

    public override object? this[int index]
    {
        get => base[index];
        set => throw new InvalidOperationException("The lists of the template model are read-only.");
    }
}
