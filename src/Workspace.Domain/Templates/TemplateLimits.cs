namespace Workspace.Domain.Templates;

/// <summary>
/// The limits every template is held to. Templates are untrusted input: a lead, or anyone who obtains a
/// lead's rights, may write one that never ends, nests without end or asks for gigabytes. Each limit below
/// turns such a template into a clear error with a line and column instead of a stuck thread, a crashed
/// process or a half-written message.
/// </summary>
public static class TemplateLimits
{
    /// <summary>Longest template or block source, in characters. Checked before anything else.</summary>
    public const int MaxSourceLength = 20_000;

    /// <summary>
    /// Deepest nesting of blocks (<c>if</c>, <c>for</c>, <c>func</c>, …) together with brackets, parentheses and
    /// braces. Checked by a flat token scan before Scriban's recursive parser sees the text, so a deeply nested
    /// expression can never overflow the stack (which no <c>catch</c> can recover from).
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>Scriban's own guard in the parser (<c>ParserOptions.ExpressionDepthLimit</c>), a second line behind <see cref="MaxNesting"/>.</summary>
    public const int ExpressionDepthLimit = 128;

    /// <summary>Deepest syntax tree a parsed template may have; the renderer recurses once per level.</summary>
    public const int MaxSyntaxDepth = 400;

    /// <summary>Iterations of all loops and of internal iteration (ranges, array operations) in one render.</summary>
    public const int LoopLimit = 1_000;

    /// <summary>Nested function calls and includes.</summary>
    public const int RecursiveLimit = 20;

    /// <summary>Depth of nested arrays and objects when one is turned into text.</summary>
    public const int ObjectRecursionLimit = 20;

    /// <summary>Longest string one expression may build (string multiplication, padding, replace, concatenation).</summary>
    public const int MaxStringLength = 20_000;

    /// <summary>Longest rendered message, in characters, counted over every write of the render.</summary>
    public const int MaxOutputLength = 20_000;

    /// <summary>Largest integer a template may compute, in bits (Scriban promotes overflowing integers to big integers).</summary>
    public const int MaxIntegerBits = 1_024;

    /// <summary>
    /// Time one render may take before it is stopped: four fifths on the wall clock, the last fifth on the
    /// thread's own CPU clock, so a render that was merely waiting for a core on a busy server is not stopped
    /// for the wait. Time the runtime spends compiling Scriban's code or paused for garbage collection does
    /// not count. A realistic template renders in microseconds. It is 40 ms so that a template only the budget
    /// can stop is stopped within the 50 ms target, checks and unwinding included.
    /// </summary>
    public static readonly TimeSpan RenderBudget = TimeSpan.FromMilliseconds(40);

    /// <summary>Memory one render may allocate before it is stopped; a realistic template allocates tens of kilobytes.</summary>
    public const long MaxRenderAllocation = 16L * 1024 * 1024;

    /// <summary>Compiled templates kept by one <see cref="TemplateEngine"/> before the oldest are dropped.</summary>
    public const int DefaultCacheCapacity = 1_000;
}
