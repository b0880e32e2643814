using System.Collections.Concurrent;
using System.Globalization;
using Scriban;
using Scriban.Syntax;

namespace Workspace.Domain.Templates;

/// <summary>
/// Compiles and renders lead-written templates safely. A template is parsed once per version (callers key the
/// cache by template key, version and the library's block versions) and rendered against a fresh model and a
/// fresh sandboxed context each time. A render either returns the whole message or errors with line and
/// column: never an exception from the template, never a blank or partial message. See
/// <see cref="TemplateLimits"/> for the limits and <see cref="TemplateBuiltins"/> for the functions allowed.
/// </summary>
public sealed class TemplateEngine(int cacheCapacity = TemplateLimits.DefaultCacheCapacity)
{
    /// <summary>The error for a render that wrote nothing: a blank message is never sent.</summary>
    public const string EmptyMessage = "The template rendered an empty message for this customer: every part of it was optional and none applied.";

    private readonly ConcurrentDictionary<string, TemplateCompilation> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _cacheOrder = new();
    private readonly int _cacheCapacity = cacheCapacity > 0 ? cacheCapacity : throw new ArgumentOutOfRangeException(nameof(cacheCapacity));

    // The first renders of a process compile Scriban's code paths. Doing that once, here, on one thread, keeps
    // concurrent first renders from spending their time budget waiting on each other's compilation.
    static TemplateEngine()
    {
        const string warmUp = """
            {{ include "greeting" }}{{ if tone == "guided" && signals.at_risk || !signals.repeat_contact }}a{{ else if customer.plan }}b{{ else }}c{{ end }}
            {{ for link in recommendations.knowledge_links }}{{ for.index + 1 }}. {{ link.title | string.upcase }}{{ end }}
            {{ segments | array.map "name" | array.join ", " }} {{ signals.failed_steps.size }} {{ customer.plan ?? "none" }} {{ conversation?.subject }}
            {{ conversation.opened_at | date.parse | date.to_string "%d %b %Y" }} {{ recommendations.failed_step | string.replace "-" " " }}
            """;
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal) { ["greeting"] = "Hi {{ customer.first_name }}{{ if agent }}, {{ agent.first_name }}{{ end }}" };
        try
        {
            if (Compile(warmUp, blocks).Template is { } template)
            {
                Render(template, TemplateModel.Example);
            }
        }
        // Warming up only saves time; an engine that could not warm up must still work.
        catch (Exception)
        {
        }
    }

    /// <summary>How many compilations the cache holds now.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>
    /// The compilation cached under <paramref name="cacheKey"/>, compiling it on first use. The key must change
    /// whenever the body or any block changes (e.g. <c>"welcome@7;blocks@42"</c>). Failed compilations are
    /// cached too: the same text fails the same way. The oldest entries go once the cache is full.
    /// </summary>
    public TemplateCompilation GetOrCompile(string cacheKey, string body, IReadOnlyDictionary<string, string> blocks)
    {
        ArgumentNullException.ThrowIfNull(cacheKey);
        if (_cache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }
        var compilation = Compile(body, blocks);
        if (_cache.TryAdd(cacheKey, compilation))
        {
            _cacheOrder.Enqueue(cacheKey);
            while (_cache.Count > _cacheCapacity && _cacheOrder.TryDequeue(out var oldest))
            {
                _cache.TryRemove(oldest, out _);
            }
        }
        return compilation;
    }

    /// <summary>Compiles (through the cache) and renders in one call; the errors are the compilation's when it fails.</summary>
    public TemplateResult Render(string cacheKey, string body, IReadOnlyDictionary<string, string> blocks, TemplateData data, CancellationToken cancellationToken = default)
    {
        var compilation = GetOrCompile(cacheKey, body, blocks);
        return compilation.Template is { } template ? Render(template, data, cancellationToken) : TemplateResult.Failed(compilation.Errors);
    }

    /// <summary>
    /// Parses a template body and every library block it includes, directly or through other blocks. Fails
    /// with every error found: syntax errors, limits, includes of blocks that do not exist or that include
    /// themselves, and includes whose block name is not written in quotes.
    /// </summary>
    public static TemplateCompilation Compile(string body, IReadOnlyDictionary<string, string> blocks)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(blocks);
        var errors = new List<TemplateError>();
        var main = TemplateSyntax.Parse(body, null, errors);
        if (main?.Page is null)
        {
            return TemplateCompilation.Failed(errors);
        }
        var compiled = new Dictionary<string, Template>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        IncludeBlocks(main.Page, [], blocks, compiled, broken, errors);
        return errors.Count > 0 ? TemplateCompilation.Failed(errors) : TemplateCompilation.Compiled(new CompiledTemplate(main, compiled));
    }

    /// <summary>
    /// Renders a compiled template for one customer. Each call builds a new model from <paramref name="data"/>
    /// and a new context, so nothing a render does is seen by another. Cancelling <paramref name="cancellationToken"/>
    /// throws <see cref="OperationCanceledException"/>; everything else that stops a render, including running
    /// past <see cref="TemplateLimits.RenderBudget"/>, is an error in the result.
    /// </summary>
    public static TemplateResult Render(CompiledTemplate template, TemplateData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var output = new BoundedOutput(TemplateLimits.MaxOutputLength);
        var context = new SandboxContext(template, output, cancellationToken);
        try
        {
            context.PushGlobal(TemplateModel.Build(data));
            template.Main.Render(context);
            var text = TemplateText.Tidy(output.ToString());
            return text.Length > 0 ? TemplateResult.Rendered(text) : TemplateResult.Failed(new TemplateError(1, 1, EmptyMessage));
        }
        // The template is untrusted code: whatever it makes Scriban or a builtin throw is an error for its
        // author, never an exception for the caller.
        catch (Exception e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return TemplateResult.Failed(ErrorOf(e, context, output));
        }
    }

    private static void IncludeBlocks(ScriptPage page, List<string> path, IReadOnlyDictionary<string, string> blocks,
        Dictionary<string, Template> compiled, HashSet<string> broken, List<TemplateError> errors)
    {
        foreach (var (name, span) in TemplateSyntax.Includes(page, errors))
        {
            if (!blocks.TryGetValue(name, out var source))
            {
                errors.Add(TemplateSyntax.ErrorAt(span, BlockLoader.NoSuchBlockMessage(name)));
            }
            else if (path.Contains(name))
            {
                errors.Add(TemplateSyntax.ErrorAt(span, $"Block '{name}' includes itself: {string.Join(" → ", path.Append(name))}."));
            }
            else if (path.Count >= TemplateLimits.RecursiveLimit)
            {
                errors.Add(TemplateSyntax.ErrorAt(span, string.Create(CultureInfo.InvariantCulture,
                    $"Blocks include blocks more than {TemplateLimits.RecursiveLimit} levels deep: {string.Join(" → ", path.Append(name))}.")));
            }
            else if (!compiled.ContainsKey(name) && !broken.Contains(name))
            {
                if (TemplateSyntax.Parse(source, name, errors) is { Page: { } blockPage } block)
                {
                    compiled[name] = block;
                    path.Add(name);
                    IncludeBlocks(blockPage, path, blocks, compiled, broken, errors);
                    path.RemoveAt(path.Count - 1);
                }
                else
                {
                    broken.Add(name);
                }
            }
        }
    }

    private static TemplateError ErrorOf(Exception e, SandboxContext context, BoundedOutput output)
    {
        var span = e is ScriptRuntimeException { Span.IsEmpty: false } scriban ? scriban.Span : context.CurrentSpan;
        if (context.Stopped is { } stopped)
        {
            return TemplateSyntax.ErrorAt(span, stopped);
        }
        if (output.Exceeded)
        {
            return TemplateSyntax.ErrorAt(span, string.Create(CultureInfo.InvariantCulture,
                $"The message would be longer than {TemplateLimits.MaxOutputLength:N0} characters; the template was stopped here."));
        }
        if (e is ScriptRuntimeException { OriginalMessage: var scribanOutput } && scribanOutput.Contains("OutputLimit", StringComparison.Ordinal))
        {
            // Scriban's own cumulative budget, which also counts captured text (see SandboxContext).
            return TemplateSyntax.ErrorAt(span, string.Create(CultureInfo.InvariantCulture,
                $"The template writes far more text than a message may hold ({TemplateLimits.MaxOutputLength:N0} characters); it was stopped here."));
        }
        return e is ScriptRuntimeException runtime
            ? TemplateSyntax.ErrorAt(span, runtime.OriginalMessage)
            // Anything else comes from .NET itself; its message would name .NET types, which are none of a lead's business.
            : TemplateSyntax.ErrorAt(span, "The template could not be rendered here: a value of the wrong kind or an operation that is not allowed.");
    }
}
