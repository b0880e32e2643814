using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Workspace.Domain.Templates;

/// <summary>
/// Resolves <c>include</c> to the blocks compiled with the template and to nothing else: a name is a key in
/// the library, never a path, and nothing is read from disk. The compiled blocks are handed to the context
/// up front, so <see cref="Load"/> is only reached for a name that is not one of them.
/// </summary>
internal sealed class BlockLoader(IReadOnlyDictionary<string, Template> blocks) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        blocks.ContainsKey(templateName) ? templateName : throw NoSuchBlock(callerSpan, templateName);

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => throw NoSuchBlock(callerSpan, templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => throw NoSuchBlock(callerSpan, templatePath);

    public static string NoSuchBlockMessage(string name) => $"There is no block named '{name}' in the template library.";

    private static ScriptRuntimeException NoSuchBlock(SourceSpan span, string name) => new(span, NoSuchBlockMessage(name));
}
