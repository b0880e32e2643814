using BenchmarkDotNet.Attributes;
using Fluid;
using Scriban.Runtime;
using Workspace.Domain.Templates;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// One render of the realistic template (<see cref="RealisticTemplate"/>) against <see cref="TemplateModel.Example"/>,
/// parsed once beforehand as the engine's cache does per template version, beside the same template in Fluid,
/// also parsed once (its partials parsed by the first render and then taken from Fluid's template cache).
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderBenchmark
{
    private CompiledTemplate _compiled = null!;
    private TemplateData _data = null!;
    private IFluidTemplate _fluid = null!;
    private TemplateOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = TemplateModel.Example;
        _compiled = RealisticTemplate.CompileWorkspace();
        _fluid = RealisticTemplate.ParseFluid(RealisticTemplate.LiquidBody);
        _options = RealisticTemplate.FluidOptions();
        // Also the first Fluid render, which parses and caches the two partials.
        RealisticTemplate.CheckSameOutput(_compiled, _fluid, _options, _data);
    }

    /// <summary>The whole render: a fresh model and sandboxed context, the limits checked as it runs, the text tidied.</summary>
    [Benchmark(Description = "Workspace render (cached parse)")]
    public TemplateResult WorkspaceRender() => TemplateEngine.Render(_compiled, _data, CancellationToken.None);

    /// <summary>The part of each Workspace render that builds the template model from the data, for the breakdown.</summary>
    [Benchmark(Description = "Workspace model build alone (TemplateModel.Build)")]
    public ScriptObject WorkspaceModelBuild() => TemplateModel.Build(_data);

    [Benchmark(Baseline = true, Description = "Fluid render (cached parse)")]
    public string FluidRender() => RealisticTemplate.RenderFluid(_fluid, _data, _options);
}
