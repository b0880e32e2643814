using System.Collections.Frozen;
using Scriban;
using Scriban.Runtime;

namespace Workspace.Domain.Templates;

/// <summary>
/// The functions a template may call: an allow-list copied out of Scriban's builtins, everything else absent.
/// Left out on purpose: anything that reaches .NET or evaluates text as a template (<c>object.eval</c>,
/// <c>object.eval_template</c>, <c>object.from_json</c>, <c>object.typeof</c>), regular expressions
/// (backtracking), hashing and encoding (CPU for nothing a message needs), padding and number formatting
/// with caller-chosen widths (<c>string.pad_left</c>, <c>math.format</c>), clocks and randomness
/// (<c>date.now</c>, <c>math.random</c>, <c>math.uuid</c>: a preview and a saved test would disagree),
/// functions that take function arguments (<c>array.each</c>, <c>array.filter</c>, …), array mutation,
/// <c>html</c> (the output is plain text), <c>timespan</c> and <c>include_join</c>.
/// </summary>
public static class TemplateBuiltins
{
    /// <summary>Allowed functions by namespace, as templates call them (<c>string.upcase</c>).</summary>
    public static readonly FrozenDictionary<string, IReadOnlyList<string>> Allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["string"] =
        [
            "append", "prepend", "capitalize", "capitalizewords", "downcase", "upcase", "strip", "lstrip", "rstrip", "strip_newlines",
            "contains", "starts_with", "ends_with", "empty", "whitespace", "equals_ignore_case", "size", "index_of",
            "truncate", "truncatewords", "replace", "replace_first", "remove", "remove_first", "remove_last",
            "slice", "slice1", "split", "pluralize", "handleize",
        ],
        ["array"] = ["size", "first", "last", "join", "contains", "limit", "offset", "reverse", "sort", "uniq", "compact", "map"],
        ["math"] = ["abs", "ceil", "floor", "round", "plus", "minus", "times", "divided_by", "modulo", "is_number"],
        ["date"] = ["parse", "to_string", "add_days"],
        ["object"] = ["default"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names usable at the top level besides the model and the namespaces: <c>include</c> (library blocks only), <c>empty</c>, <c>blank</c>.</summary>
    public static readonly IReadOnlyList<string> TopLevel = ["include", "empty", "blank"];

    /// <summary>Every builtin name a template can use at the top level.</summary>
    internal static readonly FrozenSet<string> Names = Allowed.Keys.Concat(TopLevel).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The builtin object every render starts from. Shared by all renders, so it and each namespace in it are
    /// read-only: a template can shadow a name for itself but never change what another render sees.
    /// </summary>
    internal static readonly ScriptObject Object = Build();

    private static ScriptObject Build()
    {
        var scriban = new TemplateContext().BuiltinObject;
        var builtins = new ScriptObject();
        foreach (var (space, functions) in Allowed)
        {
            var source = scriban[space] as ScriptObject ?? throw new InvalidOperationException($"Scriban has no builtin namespace {space}.");
            var target = new ScriptObject();
            foreach (var function in functions)
            {
                target.SetValue(function, source[function] ?? throw new InvalidOperationException($"Scriban has no builtin {space}.{function}."), readOnly: true);
            }
            target.IsReadOnly = true;
            builtins.SetValue(space, target, readOnly: true);
        }
        foreach (var name in TopLevel)
        {
            builtins.SetValue(name, scriban[name], readOnly: true);
        }
        builtins.IsReadOnly = true;
        return builtins;
    }
}
