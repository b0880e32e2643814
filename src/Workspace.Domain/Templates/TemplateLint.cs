using System.Collections.Frozen;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Workspace.Domain.Templates;

/// <summary>
/// What the editor warns about while a lead writes a template, read from the syntax tree without rendering:
/// variables and fields that are not in the template model, functions that are not allowed, includes of
/// blocks that do not exist, required data that is not a model field or that a chosen customer lacks; and,
/// across the library, blocks no template uses. <see cref="Missing"/> is also what the API reports as
/// <c>missing</c>: a template whose required data is missing must not become a message with gaps.
/// </summary>
public static class TemplateLint
{
    // The loop objects Scriban defines inside loops (for.index, while.first, …).
    private static readonly FrozenSet<string> LoopObjects = FrozenSet.ToFrozenSet(["for", "while", "tablerow"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ModelRoots = TemplateModel.Roots.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<TemplateWarning> Lint(string body, IReadOnlyDictionary<string, string> blocks, TemplateData? forCustomer, IReadOnlyList<string> requiredData)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(requiredData);
        var warnings = new List<TemplateWarning>();
        var errors = new List<TemplateError>();
        var usages = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        if (TemplateSyntax.Parse(body, null, errors)?.Page is { } main)
        {
            var pages = new List<ScriptPage> { main };
            var reached = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < pages.Count; i++)
            {
                foreach (var (name, span) in TemplateSyntax.Includes(pages[i], errors))
                {
                    if (!blocks.TryGetValue(name, out var source))
                    {
                        warnings.Add(At(TemplateWarningKind.UnknownBlock, span, BlockLoader.NoSuchBlockMessage(name)));
                    }
                    else if (reached.Add(name) && TemplateSyntax.Parse(source, name, errors)?.Page is { } block)
                    {
                        pages.Add(block);
                    }
                }
            }
            new NameCheck(pages, warnings, usages).Run();
        }
        warnings.AddRange(errors.Select(e => new TemplateWarning(TemplateWarningKind.Syntax, e.Line, e.Column, e.Message, e.Block)));

        foreach (var path in requiredData.Distinct(StringComparer.Ordinal).Where(p => !TemplateModel.Paths.Contains(p)))
        {
            warnings.Add(new(TemplateWarningKind.UnknownRequiredData, 1, 1, $"Required data '{path}' is not a field of the template model."));
        }
        if (forCustomer is not null)
        {
            foreach (var path in Missing(forCustomer, [.. requiredData.Where(TemplateModel.Paths.Contains)]))
            {
                var message = $"This customer has no {path}, which the template requires: it cannot be used for them.";
                warnings.Add(usages.TryGetValue(path, out var span) ? At(TemplateWarningKind.MissingData, span, message) : new(TemplateWarningKind.MissingData, 1, 1, message));
            }
        }
        return [.. warnings.OrderBy(w => w.Block is not null).ThenBy(w => w.Block, StringComparer.Ordinal).ThenBy(w => w.Line).ThenBy(w => w.Column)];
    }

    /// <summary>
    /// The required data points <paramref name="data"/> lacks, in the order given: a path is missing when its
    /// value is empty (no value, blank text, an empty list), or when it is not a field of the model at all.
    /// Numbers and yes/no values are present even when 0 or false.
    /// </summary>
    public static IReadOnlyList<string> Missing(TemplateData data, IReadOnlyList<string> requiredData)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requiredData);
        var model = TemplateModel.Build(data);
        return [.. requiredData.Distinct(StringComparer.Ordinal)
            .Where(path => !TemplateModel.Paths.Contains(path) || !TemplateModel.ValuesAt(model, path).Any(HasValue))];
    }

    /// <summary>The library blocks that no template includes, directly or through other blocks, by name.</summary>
    public static IReadOnlyList<string> UnusedBlocks(IEnumerable<string> templateBodies, IReadOnlyDictionary<string, string> blocks)
    {
        ArgumentNullException.ThrowIfNull(templateBodies);
        ArgumentNullException.ThrowIfNull(blocks);
        var ignored = new List<TemplateError>();
        var pages = templateBodies.Select(body => TemplateSyntax.Parse(body, null, ignored)?.Page).OfType<ScriptPage>().ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var (name, _) in TemplateSyntax.Includes(pages[i], ignored))
            {
                if (blocks.TryGetValue(name, out var source) && used.Add(name) && TemplateSyntax.Parse(source, name, ignored)?.Page is { } block)
                {
                    pages.Add(block);
                }
            }
        }
        return [.. blocks.Keys.Where(name => !used.Contains(name)).Order(StringComparer.Ordinal)];
    }

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        ScriptArray list => list.Count > 0,
        _ => true,
    };

    private static TemplateWarning At(TemplateWarningKind kind, SourceSpan span, string message)
    {
        var at = TemplateSyntax.ErrorAt(span, message);
        return new(kind, at.Line, at.Column, message, at.Block);
    }

    /// <summary>Checks every name a template reads against the model, the allow-list and what the template defines itself.</summary>
    private sealed class NameCheck(List<ScriptPage> pages, List<TemplateWarning> warnings, Dictionary<string, SourceSpan> usages)
    {
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
        // A loop variable over a model list reads that list's items: `for link in recommendations.knowledge_links`.
        private readonly Dictionary<string, string?> _loopItems = new(StringComparer.Ordinal);
        private bool _imports;

        public void Run()
        {
            foreach (var node in pages.SelectMany(TemplateSyntax.Walk))
            {
                Define(node);
            }
            foreach (var page in pages)
            {
                foreach (var node in TemplateSyntax.Walk(page))
                {
                    if (node is ScriptVariableGlobal variable && IsRead(variable) && !_imports && !InsideWith(variable))
                    {
                        Check(variable, page == pages[0]);
                    }
                }
            }
        }

        private void Define(ScriptNode node)
        {
            switch (node)
            {
                case ScriptAssignExpression { Target: ScriptVariableGlobal target }:
                    _defined.Add(target.Name);
                    break;
                case ScriptForStatement { Variable: ScriptVariableGlobal variable } loop:
                    _defined.Add(variable.Name);
                    var items = PathOf(loop.Iterator) is { } list && TemplateModel.IsList(list) ? list + "[]" : null;
                    // The same name looping over different lists cannot be checked as either.
                    _loopItems[variable.Name] = _loopItems.TryGetValue(variable.Name, out var earlier) && earlier != items ? null : items;
                    break;
                case ScriptCaptureStatement { Target: ScriptVariableGlobal target }:
                    _defined.Add(target.Name);
                    break;
                case ScriptFunction function:
                    if (function.NameOrDoToken is ScriptVariable name)
                    {
                        _defined.Add(name.Name);
                    }
                    foreach (var parameter in function.Parameters ?? [])
                    {
                        if (parameter.Name is { } parameterName)
                        {
                            _defined.Add(parameterName.Name);
                        }
                    }
                    break;
                case ScriptImportStatement:
                    _imports = true;
                    break;
                default:
                    break;
            }
        }

        private void Check(ScriptVariableGlobal variable, bool inBody)
        {
            var name = variable.Name;
            if (ModelRoots.Contains(name))
            {
                CheckFields(variable, name, name, inBody);
            }
            else if (_loopItems.TryGetValue(name, out var items) && items is not null)
            {
                CheckFields(variable, items, name, inBody);
            }
            else if (TemplateBuiltins.Allowed.TryGetValue(name, out var functions))
            {
                if (variable.Parent is ScriptMemberExpression { Member: { } function } member && ReferenceEquals(member.Target, variable) && !functions.Contains(function.Name))
                {
                    warnings.Add(At(TemplateWarningKind.UnknownFunction, function.Span,
                        $"{name}.{function.Name} is not one of the functions templates may use ({name}: {string.Join(", ", functions)})."));
                }
            }
            else if (!_defined.Contains(name) && !LoopObjects.Contains(name) && !TemplateBuiltins.Names.Contains(name))
            {
                warnings.Add(At(TemplateWarningKind.UnknownVariable, variable.Span,
                    $"Unknown variable '{name}': it is not in the template model ({string.Join(", ", TemplateModel.Roots)}) and the template does not set it."));
            }
        }

        // Follows member and index access up from a variable: customer.first_name, segments[0].name, link.title.
        private void CheckFields(ScriptVariableGlobal variable, string path, string written, bool inBody)
        {
            ScriptNode current = variable;
            while (true)
            {
                if (inBody)
                {
                    usages.TryAdd(path, variable.Span);
                }
                string member;
                ScriptNode at;
                switch (current.Parent)
                {
                    case ScriptIsEmptyExpression empty when ReferenceEquals(empty.Target, current):
                        return;
                    case ScriptMemberExpression { Member: { } accessed } access when ReferenceEquals(access.Target, current):
                        member = accessed.Name;
                        at = accessed;
                        current = access;
                        break;
                    case ScriptIndexerExpression index when ReferenceEquals(index.Target, current) && TemplateModel.IsList(path):
                        path += "[]";
                        written += "[…]";
                        current = index;
                        continue;
                    case ScriptIndexerExpression { Index: ScriptLiteral { Value: string key } } index when ReferenceEquals(index.Target, current):
                        member = key;
                        at = index.Index;
                        current = index;
                        break;
                    default:
                        return;
                }
                if (member == "size")
                {
                    return;
                }
                var next = path + "." + member;
                written += "." + member;
                if (!TemplateModel.Paths.Contains(next))
                {
                    var fields = TemplateModel.Reference.Select(f => f.Path).Where(p => p.StartsWith(path + ".", StringComparison.Ordinal) && p.IndexOf('.', path.Length + 1) < 0)
                        .Select(p => p[(path.Length + 1)..]).ToList();
                    warnings.Add(At(TemplateWarningKind.UnknownVariable, at.Span, fields.Count > 0
                        ? $"Unknown field '{written}': the template model has {string.Join(", ", fields)} here."
                        : $"Unknown field '{written}': this value has no fields."));
                    return;
                }
                path = next;
            }
        }

        // A variable that is read, as opposed to one being defined or a name that is part of other syntax.
        private static bool IsRead(ScriptVariableGlobal variable) => variable.Parent switch
        {
            ScriptMemberExpression access => !ReferenceEquals(access.Member, variable),
            ScriptObjectMember member => !ReferenceEquals(member.Name, variable),
            ScriptNamedArgument argument => !ReferenceEquals(argument.Name, variable),
            ScriptParameter => false,
            ScriptFunction function => !ReferenceEquals(function.NameOrDoToken, variable),
            ScriptForStatement loop => !ReferenceEquals(loop.Variable, variable),
            ScriptAssignExpression assign => !ReferenceEquals(assign.Target, variable),
            ScriptCaptureStatement capture => !ReferenceEquals(capture.Target, variable),
            ScriptReadOnlyStatement => false,
            _ => true,
        };

        // Inside `with x`, bare names are x's members, which lint cannot know.
        private static bool InsideWith(ScriptNode node)
        {
            for (var child = node; child.Parent is { } parent; child = parent)
            {
                if (parent is ScriptWithStatement with && ReferenceEquals(with.Body, child))
                {
                    return true;
                }
            }
            return false;
        }

        private static string? PathOf(ScriptExpression? expression) => expression switch
        {
            ScriptVariableGlobal root when ModelRoots.Contains(root.Name) => root.Name,
            ScriptMemberExpression { Target: var target, Member.Name: { } member } when PathOf(target) is { } parent && TemplateModel.Paths.Contains(parent + "." + member) =>
                parent + "." + member,
            ScriptNestedExpression nested => PathOf(nested.Expression),
            _ => null,
        };
    }
}
