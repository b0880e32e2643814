using BenchmarkDotNet.Attributes;
using Fluid;
using Workspace.Domain.Templates;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// Compiling the realistic template with its two blocks (length, nesting and syntax-depth checks, includes
/// resolved), as happens once per template version; Fluid's parse of the same body and its two partials is shown
/// for scale.
/// </summary>
[MemoryDiagnoser]
public class TemplateCompileBenchmark
{
    private string _body = null!;
    private IReadOnlyDictionary<string, string> _blocks = null!;
    private string[] _liquid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = RealisticTemplate.Body;
        _blocks = RealisticTemplate.Blocks;
        _liquid = [RealisticTemplate.LiquidBody, .. RealisticTemplate.LiquidPartials.Values];
    }

    [Benchmark(Description = "Workspace compile (body + 2 blocks)")]
    public TemplateCompilation WorkspaceCompile() => TemplateEngine.Compile(_body, _blocks);

    [Benchmark(Description = "Fluid parse (body + 2 partials)")]
    public IFluidTemplate FluidParse()
    {
        IFluidTemplate last = null!;
        foreach (var source in _liquid)
        {
            last = RealisticTemplate.ParseFluid(source);
        }
        return last;
    }
}
