using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Workspace.Domain.Templates;

/// <summary>
/// The one way untrusted template text becomes a Scriban syntax tree: length first, then the flat nesting
/// scan, then the parser with its own depth guard, then the depth of the tree the renderer will walk.
/// </summary>
internal static class TemplateSyntax
{
    private const string MainSource = "template";
    private const string BlockSourcePrefix = "block:";

    private static readonly LexerOptions Lexing = new() { Mode = ScriptMode.Default, Lang = ScriptLang.Default };
    private static readonly ParserOptions Parsing = new() { ExpressionDepthLimit = TemplateLimits.ExpressionDepthLimit };

    /// <summary>Parses a template body (<paramref name="block"/> null) or a library block; on failure adds its errors and returns null.</summary>
    public static Template? Parse(string source, string? block, List<TemplateError> errors)
    {
        var what = block is null ? "The template" : "The block";
        if (source.Length > TemplateLimits.MaxSourceLength)
        {
            errors.Add(new(1, 1, string.Create(CultureInfo.InvariantCulture,
                $"{what} is {source.Length:N0} characters long; the limit is {TemplateLimits.MaxSourceLength:N0}."), block));
            return null;
        }
        if (NestingScanner.FindTooDeep(source, Lexing, TemplateLimits.MaxNesting) is { } deep)
        {
            errors.Add(new(deep.Line + 1, deep.Column + 1, string.Create(CultureInfo.InvariantCulture,
                $"{what} nests blocks, brackets or parentheses more than {TemplateLimits.MaxNesting} levels deep."), block));
            return null;
        }
        var template = Template.Parse(source, block is null ? MainSource : BlockSourcePrefix + block, Parsing, Lexing);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                errors.Add(new(message.Span.Start.Line + 1, message.Span.Start.Column + 1, message.Message, block));
            }
            return null;
        }
        if (template.Page is { } page && DeepestNode(page) is { } node)
        {
            errors.Add(new(node.Span.Start.Line + 1, node.Span.Start.Column + 1, string.Create(CultureInfo.InvariantCulture,
                $"{what} is too complex here: its syntax tree is more than {TemplateLimits.MaxSyntaxDepth} levels deep."), block));
            return null;
        }
        return template;
    }

    /// <summary>The block a source span belongs to: null for the template body.</summary>
    public static string? BlockOf(SourceSpan span) =>
        span.FileName is { } file && file.StartsWith(BlockSourcePrefix, StringComparison.Ordinal) ? file[BlockSourcePrefix.Length..] : null;

    public static TemplateError ErrorAt(SourceSpan span, string message) =>
        new(Math.Max(1, span.Start.Line + 1), Math.Max(1, span.Start.Column + 1), message, BlockOf(span));

    /// <summary>
    /// The blocks a template includes, by name. Includes name their block in quotes (<c>include "greeting"</c>
    /// or <c>"greeting" | include</c>); any other use of <c>include</c> (a computed name, a function pointer,
    /// redefining it) is reported, so that which blocks a template uses is always known before it renders.
    /// </summary>
    public static IReadOnlyList<(string Name, SourceSpan Span)> Includes(ScriptPage page, List<TemplateError> errors)
    {
        var found = new List<(string, SourceSpan)>();
        var accepted = new HashSet<ScriptNode>(ReferenceEqualityComparer.Instance);
        const string Usage = "include takes the name of a library block in quotes, such as include \"greeting\".";
        foreach (var node in Walk(page))
        {
            switch (node)
            {
                case ScriptPipeCall { To: ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" } target } call } pipe:
                    // A piped value becomes the first argument, so the pipe decides which block is included.
                    if (pipe.From is ScriptLiteral { Value: string piped } && call.Arguments.Count == 0)
                    {
                        found.Add((piped, pipe.From.Span));
                    }
                    else
                    {
                        errors.Add(ErrorAt(call.Span, Usage));
                    }
                    accepted.Add(call);
                    accepted.Add(target);
                    break;
                case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" } target } call when !accepted.Contains(call):
                    if (call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string name })
                    {
                        found.Add((name, call.Arguments[0].Span));
                    }
                    else
                    {
                        errors.Add(ErrorAt(call.Span, Usage));
                    }
                    accepted.Add(target);
                    break;
                case ScriptVariableGlobal { Name: "include" } variable when !accepted.Contains(variable):
                    errors.Add(ErrorAt(variable.Span, Usage));
                    break;
                default:
                    break;
            }
        }
        return found;
    }

    /// <summary>Every node of the tree, parents before children, without recursion.</summary>
    public static IEnumerable<ScriptNode> Walk(ScriptNode root)
    {
        var pending = new Stack<ScriptNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            for (var i = node.ChildrenCount - 1; i >= 0; i--)
            {
                if (node.GetChildren(i) is { } child)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static ScriptNode? DeepestNode(ScriptNode root)
    {
        var pending = new Stack<(ScriptNode Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > TemplateLimits.MaxSyntaxDepth)
            {
                return node;
            }
            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }
        return null;
    }
}
