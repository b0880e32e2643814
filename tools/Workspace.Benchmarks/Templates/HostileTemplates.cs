using System.Diagnostics;
using System.Globalization;
using Workspace.Domain.Templates;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// How long the engine takes to stop hostile templates: each one compiles (it is valid Scriban), then is rendered
/// against <see cref="TemplateModel.Example"/> once unmeasured (the first render of a code path includes the JIT),
/// then <c>runs</c> times with a stopwatch (and the thread's CPU clock) around <see cref="TemplateEngine.Render(CompiledTemplate, TemplateData, CancellationToken)"/>,
/// timing the whole call until the result with the limit's error comes back. Every render must fail with errors and
/// no text; anything else throws.
/// </summary>
public static class HostileTemplates
{
    public static readonly IReadOnlyList<(string Name, string Source)> Cases =
    [
        ("nested loops of a million each", "{{ for i in 1..1000000 }}{{ for j in 1..1000000 }}x{{ end }}{{ end }}"),
        // Ranges over the loop limit are refused before the loop starts; these two really iterate until stopped.
        ("nested loops of 999 each", "{{ for i in 1..999 }}{{ for j in 1..999 }}x{{ end }}{{ end }}"),
        ("an endless loop of small writes", "{{ i = 0 }}{{ while true }}{{ i = i + 1 }}.{{ end }}"),
        ("output flood (999 writes of 30 characters)", "{{ for i in 1..999 }}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{{ end }}"),
        ("unbounded recursion through a function", "{{ func f(n) }}{{ f(n + 1) }}{{ end }}{{ f(1) }}"),
        // Within the depth and loop limits (2^19 calls, no loop): only the time or memory budget can stop it.
        ("binary recursion, 2^19 calls", "{{ func f(n) }}{{ if n > 0 }}{{ f(n - 1) }}{{ f(n - 1) }}{{ end }}{{ end }}{{ f(18) }}done"),
        // The same with a search through 19,000 characters at each of the 2^18 leaves ("xyx" in a run of x: a candidate
        // at every position), so more time per call and no more memory: the time budget stops it.
        ("binary recursion searching a long string",
            "{{ s = \"x\" * 19000 }}{{ func f(n) }}{{ if n > 0 }}{{ f(n - 1) }}{{ f(n - 1) }}{{ else }}{{ t = s | string.contains \"xyx\" }}{{ end }}{{ end }}{{ f(18) }}done"),
        ("string doubling", "{{ s = \"x\" }}{{ for i in 1..64 }}{{ s = s + s }}{{ end }}{{ s }}"),
        // Each step builds a new 19,000-character string: allocation, not length, is what grows.
        ("string churn (999 replaces of 19,000 characters)",
            "{{ s = \"x\" * 19000 }}{{ for i in 1..999 }}{{ t = s | string.replace \"x\" \"y\" }}{{ end }}{{ t | string.size }}"),
    ];

    public static int Run(string[] args)
    {
        var runs = 20;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                runs = n;
                i++;
            }
            else
            {
                Console.Error.WriteLine($"Unknown option {args[i]}; templates-hostile takes only --runs N.");
                return 2;
            }
        }
        Measure(runs);
        return 0;
    }

    public static void Measure(int runs)
    {
        var data = TemplateModel.Example;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hostile templates: {runs} measured renders each after one unmeasured; time from the call to the failed result (render budget {TemplateLimits.RenderBudget.TotalMilliseconds:0} ms)."));
        Console.WriteLine();
        Console.WriteLine("| template | first render | median | max | max CPU time | stopped by |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var slowest = TimeSpan.Zero;
        foreach (var (name, source) in Cases)
        {
            var compilation = TemplateEngine.Compile(source, new Dictionary<string, string>());
            var template = compilation.Template
                ?? throw new InvalidOperationException($"The hostile template '{name}' does not compile: {string.Join("; ", compilation.Errors)}");
            var first = Time(template, data, name, out _, out _);
            var times = new TimeSpan[runs];
            TimeSpan? maxCpu = null;
            // Which limit trips first may depend on timing (memory and time are checked together), so each is counted.
            var errors = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < runs; i++)
            {
                times[i] = Time(template, data, name, out var error, out var cpu);
                maxCpu = cpu is { } used && (maxCpu is null || used > maxCpu) ? used : maxCpu;
                errors[error] = errors.GetValueOrDefault(error) + 1;
            }
            var stoppedBy = errors.Count == 1
                ? errors.Keys.Single()
                : string.Join(" ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value}×: {e.Key}"));
            Array.Sort(times);
            var median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
            slowest = times[^1] > slowest ? times[^1] : slowest;
            Console.WriteLine($"| {name} | {Ms(first)} | {Ms(median)} | {Ms(times[^1])} | {(maxCpu is { } c ? Ms(c) : "—")} | {stoppedBy} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Slowest measured render: {Ms(slowest)}.");
    }

    private static TimeSpan Time(CompiledTemplate template, TemplateData data, string name, out string error, out TimeSpan? cpu)
    {
        var cpuBefore = ThreadCpuTime.Now();
        var started = Stopwatch.GetTimestamp();
        var result = TemplateEngine.Render(template, data, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = ThreadCpuTime.Now() - cpuBefore;
        if (result.Succeeded || result.Text is not null || result.Errors.Count == 0)
        {
            throw new InvalidOperationException($"The hostile template '{name}' was not stopped: it rendered {result.Text?.Length ?? 0} characters.");
        }
        error = result.Errors[0].Message;
        return elapsed;
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
