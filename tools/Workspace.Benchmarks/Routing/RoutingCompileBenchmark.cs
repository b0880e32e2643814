using BenchmarkDotNet.Attributes;
using Workspace.Domain.Routing;

namespace Workspace.Benchmarks.Routing;

/// <summary>
/// Compiling the generated 200-rule ruleset (validation included), as happens once per ruleset version; RulesEngine's
/// compile of the same rules (a new engine and its first evaluation, which parses and compiles every expression) is
/// shown for scale.
/// </summary>
[MemoryDiagnoser]
public class RoutingCompileBenchmark
{
    private IReadOnlyList<RoutingRule> _rules = null!;
    private RoutingFacts _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = GeneratedRuleset.Rules;
        _facts = GeneratedRuleset.LateFacts;
    }

    [Benchmark(Description = "Workspace Compile (200 rules)")]
    public CompiledRuleset WorkspaceCompile() => new Ruleset(1, _rules).Compile();

    [Benchmark(Description = "RulesEngine compile (200 rules, first call)")]
    public ValueTask<string> RulesEngineCompile() =>
        RulesEngineRouting.FirstOfAllRulesAsync(RulesEngineRouting.CreateEngine(_rules), RulesEngineRouting.Input(_facts));
}
