namespace Workspace.Benchmarks.Templates;

/// <summary>
/// The <c>templates</c> command: the template benchmarks through BenchmarkDotNet, with its options passed on, then
/// the hostile-template timings.
/// </summary>
public static class TemplateBenchmarks
{
    public const int HostileRuns = 20;

    public static int Run(string[] args)
    {
        // The same check the benchmarks' setup makes, here so the text both engines render is shown once.
        var text = RealisticTemplate.CheckSameOutput(RealisticTemplate.CompileWorkspace(),
            RealisticTemplate.ParseFluid(RealisticTemplate.LiquidBody), RealisticTemplate.FluidOptions(), Domain.Templates.TemplateModel.Example);
        Console.WriteLine($"The realistic template renders the same {text.Length} characters in both engines:\n{text}\n");
        var failed = !BenchmarkRun.Run([typeof(TemplateRenderBenchmark), typeof(TemplateCompileBenchmark)], args);
        HostileTemplates.Measure(HostileRuns);
        return failed ? 1 : 0;
    }
}
