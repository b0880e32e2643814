using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Workspace.Domain.Templates;

/// <summary>
/// A Scriban context for one render of one untrusted template: the allow-listed builtins, every limit of
/// <see cref="TemplateLimits"/>, strict variables, a clock and a memory meter. Both are read from the
/// evaluator itself (every few nodes, and at every loop step) rather than from a timer, so a render over
/// budget stops even when the thread pool is too busy to run a timer callback, and no timer is created per
/// render. Time the runtime spends compiling Scriban's own code (the first renders of a process) or paused
/// for garbage collection is not the template's and is not counted; neither is time spent waiting for a
/// core (see <see cref="OutOfTime"/>).
/// </summary>
internal sealed class SandboxContext : TemplateContext
{
    private const int StepsBetweenChecks = 16;

    // The last part of the budget is judged on the thread's own CPU clock (see OutOfTime).
    private static readonly TimeSpan CpuGrace = TemplateLimits.RenderBudget / 5;
    private static readonly TimeSpan WallBudget = TemplateLimits.RenderBudget - CpuGrace;

    public static readonly string OverBudgetMessage = string.Create(CultureInfo.InvariantCulture,
        $"The template took longer than {TemplateLimits.RenderBudget.TotalMilliseconds:0} ms to render and was stopped.");

    public static readonly string OverMemoryMessage = string.Create(CultureInfo.InvariantCulture,
        $"The template used more than {TemplateLimits.MaxRenderAllocation / (1024 * 1024)} MB of memory to render and was stopped.");

    private readonly long _started;
    private readonly TimeSpan _jitBefore;
    private readonly TimeSpan _gcPausesBefore;
    private readonly long _allocatedBefore;
    private readonly CancellationToken _cancellation;
    private int _steps;
    private TimeSpan? _cpuAtWallBudget;

    public SandboxContext(CompiledTemplate template, BoundedOutput output, CancellationToken cancellation)
        : base(TemplateBuiltins.Object)
    {
        _jitBefore = JitInfo.GetCompilationTime(currentThread: true);
        _gcPausesBefore = GC.GetTotalPauseDuration();
        _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        _started = Stopwatch.GetTimestamp();
        _cancellation = cancellation;
        CancellationToken = cancellation;

        LoopLimit = TemplateLimits.LoopLimit;
        LoopLimitQueryable = TemplateLimits.LoopLimit;
        RecursiveLimit = TemplateLimits.RecursiveLimit;
        ObjectRecursionLimit = TemplateLimits.ObjectRecursionLimit;
        LimitToString = TemplateLimits.MaxStringLength;
        OnStringLimit = ScriptLimitBehavior.Throw;
        // Scriban's cumulative budget also covers captures and the temporary outputs of includes, which never
        // reach BoundedOutput; twice the message cap leaves the message itself to BoundedOutput's clearer error.
        OutputLimit = 2 * TemplateLimits.MaxOutputLength;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = TemplateLimits.RenderBudget;

        // A misspelt variable or field is an error, not an empty gap in a customer's message.
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        MemberFilter = static _ => false;

        TemplateLoader = new BlockLoader(template.BlockTemplates);
        foreach (var (name, block) in template.BlockTemplates)
        {
            CachedTemplates[name] = block;
        }
        PushOutput(output);
    }

    /// <summary>Why the render was stopped for time or memory, once it was; later checks keep failing so no catch inside Scriban can swallow it.</summary>
    public string? Stopped { get; private set; }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is null)
        {
            return null;
        }
        CheckBudget(scriptNode);
        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (value is BigInteger big && big.GetBitLength() > TemplateLimits.MaxIntegerBits)
        {
            throw new ScriptRuntimeException(scriptNode.Span, $"The number is too large: templates compute with integers of at most {TemplateLimits.MaxIntegerBits} bits.");
        }
        return value;
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckBudget(loop);
        return base.OnStepLoop(loop);
    }

    // Only Scriban's own values (script objects, arrays, ranges, strings) expose members; a .NET value a builtin
    // returns (a date, a big integer) has none, so no template can walk from it into .NET types.
    protected override IObjectAccessor GetMemberAccessorImpl(object target) =>
        target is string or IScriptObject || target.GetType().Assembly == typeof(ScriptObject).Assembly
            ? base.GetMemberAccessorImpl(target) ?? NoMembers.Instance
            : NoMembers.Instance;

    // Scriban assigns list items through the list accessor, not the list's indexer.
    protected override IListAccessor GetListAccessorImpl(object target, Type type)
    {
        var accessor = base.GetListAccessorImpl(target, type);
        return target is ReadOnlyScriptArray && accessor is not null ? new ReadOnlyList(accessor) : accessor!;
    }

    private void CheckBudget(ScriptNode node)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (Stopped is null && ++_steps % StepsBetweenChecks == 0)
        {
            if (GC.GetAllocatedBytesForCurrentThread() - _allocatedBefore > TemplateLimits.MaxRenderAllocation)
            {
                Stopped = OverMemoryMessage;
            }
            else if (OutOfTime())
            {
                Stopped = OverBudgetMessage;
            }
        }
        if (Stopped is not null)
        {
            throw new ScriptRuntimeException(node.Span, Stopped);
        }
    }

    // The wall clock runs while the thread waits for a core or for another thread's JIT, which a busy server
    // can make last longer than any benign render. So once the wall clock has used most of the budget, the
    // thread's own CPU clock decides: a render that was only kept waiting finishes within microseconds of
    // CPU, one that is really working uses up the rest of the budget and is stopped. Where the platform has
    // no per-thread CPU clock, the wall clock alone decides.
    private bool OutOfTime()
    {
        var wall = Stopwatch.GetElapsedTime(_started)
            - (JitInfo.GetCompilationTime(currentThread: true) - _jitBefore)
            - (GC.GetTotalPauseDuration() - _gcPausesBefore);
        if (wall <= WallBudget)
        {
            return false;
        }
        if (ThreadCpuClock.Now() is not { } cpu)
        {
            return wall > TemplateLimits.RenderBudget;
        }
        _cpuAtWallBudget ??= cpu;
        return cpu - _cpuAtWallBudget.Value > CpuGrace;
    }

    private sealed class ReadOnlyList(IListAccessor list) : IListAccessor
    {
        public int GetLength(TemplateContext context, SourceSpan span, object target) => list.GetLength(context, span, target);

        public object? GetValue(TemplateContext context, SourceSpan span, object target, int index) => list.GetValue(context, span, target, index);

        public void SetValue(TemplateContext context, SourceSpan span, object target, int index, object? value) =>
            throw new ScriptRuntimeException(span, "The lists of the template model are read-only.");
    }

    private sealed class NoMembers : IObjectAccessor
    {
        public static readonly NoMembers Instance = new();

        public bool HasIndexer => false;

        public Type IndexType => typeof(object);

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => 0;

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => [];

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => false;

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object value)
        {
            value = null!;
            return false;
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object value)
        {
            value = null!;
            return false;
        }

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;
    }
}
