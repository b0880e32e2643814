using Scriban;

namespace Workspace.Domain.Templates;

/// <summary>
/// A template parsed and checked once, with every library block it includes (directly or through other
/// blocks) parsed alongside it. Immutable, so one instance serves concurrent renders.
/// </summary>
public sealed class CompiledTemplate
{
    internal CompiledTemplate(Template main, IReadOnlyDictionary<string, Template> blocks)
    {
        Main = main;
        BlockTemplates = blocks;
        IncludedBlocks = [.. blocks.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The names of the library blocks the template includes, directly or through other blocks.</summary>
    public IReadOnlyList<string> IncludedBlocks { get; }

    internal Template Main { get; }

    internal IReadOnlyDictionary<string, Template> BlockTemplates { get; }
}
