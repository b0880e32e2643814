using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using Workspace.Domain.Routing;

namespace Workspace.Benchmarks.Routing;

/// <summary>
/// One routing decision against the generated 200-rule ruleset, with its trace (every rule passed over and the
/// condition that stopped it, every condition of the matching rule), beside the same rules in Microsoft
/// RulesEngine, compiled and cached before measuring. The ratio is taken against RulesEngine's first-match shape,
/// the same semantics as ours; evaluating all rules is shown too.
/// </summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmark
{
    private CompiledRuleset _compiled = null!;
    private RoutingFacts _facts = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private RuleParameter[] _input = null!;

    /// <summary>The rule that first matches the benchmark facts, counted from 1: 99 or 189 rules are passed over.</summary>
    [Params(GeneratedRuleset.MiddleRule, GeneratedRuleset.LateRule)]
    public int MatchedRule { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = GeneratedRuleset.Rules;
        _compiled = new Ruleset(1, rules).Compile();
        _facts = GeneratedRuleset.FactsMatching(MatchedRule);
        _rulesEngine = RulesEngineRouting.CreateEngine(rules);
        _input = RulesEngineRouting.Input(_facts);

        // The first call of each workflow compiles and caches it; every later call (the measured ones) reuses that.
        var expected = GeneratedRuleset.RuleId(MatchedRule);
        var ours = _compiled.Decide(_facts);
        var all = RulesEngineRouting.FirstOfAllRulesAsync(_rulesEngine, _input).AsTask().GetAwaiter().GetResult();
        var first = _rulesEngine.ExecuteAllRulesAsync(RulesEngineRouting.FirstMatchWorkflow, _input).AsTask().GetAwaiter().GetResult()[0];
        if (ours.MatchedRuleId != expected || ours.SkippedRules.Count != MatchedRule - 1 || all != expected
            || first.ChildResults.Last().Rule.RuleName != expected || first.ChildResults.Count() != MatchedRule)
        {
            throw new InvalidOperationException(
                $"The engines disagree: expected {expected}; Workspace matched {ours.MatchedRuleId} after {ours.SkippedRules.Count} skipped, "
                + $"RulesEngine all rules {all}, first match {first.ChildResults.Last().Rule.RuleName} after {first.ChildResults.Count()} evaluated.");
        }
        CheckAgreement(rules);
    }

    [Benchmark(Description = "Workspace Decide")]
    public RoutingDecision WorkspaceDecide() => _compiled.Decide(_facts);

    /// <summary>What storing a decision costs on top: the trace of every rule passed over, built when it is first read.</summary>
    [Benchmark(Description = "Workspace Decide + full trace built")]
    public int WorkspaceDecideAndTrace()
    {
        var decision = _compiled.Decide(_facts);
        var failed = 0;
        foreach (var skipped in decision.SkippedRules)
        {
            failed += skipped.FailedCondition.Held ? 0 : 1;
        }
        return failed + decision.Conditions.Count;
    }

    [Benchmark(Baseline = true, Description = "RulesEngine first match (OrElse, Performance)")]
    public ValueTask<string> RulesEngineFirstMatch() => RulesEngineRouting.FirstMatchAsync(_rulesEngine, _input);

    [Benchmark(Description = "RulesEngine all rules (ExecuteAllRulesAsync)")]
    public ValueTask<string> RulesEngineAllRules() => RulesEngineRouting.FirstOfAllRulesAsync(_rulesEngine, _input);

    /// <summary>Beyond the two benchmark facts: both engines must pick the same rule for a spread of other facts.</summary>
    private void CheckAgreement(IReadOnlyList<RoutingRule> rules)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var facts in GeneratedRuleset.SampleFacts(500, seed: 7))
        {
            var input = RulesEngineRouting.Input(facts);
            var ours = _compiled.Decide(facts).MatchedRuleId;
            var all = RulesEngineRouting.FirstOfAllRulesAsync(_rulesEngine, input).AsTask().GetAwaiter().GetResult();
            var first = RulesEngineRouting.FirstMatchAsync(_rulesEngine, input).AsTask().GetAwaiter().GetResult();
            if (ours != all || ours != first)
            {
                throw new InvalidOperationException($"The engines disagree on {facts}: Workspace {ours}, RulesEngine all rules {all}, first match {first}.");
            }
            matched.Add(ours);
        }
        if (matched.Count < rules.Count / 10)
        {
            throw new InvalidOperationException($"The sample facts reached only {matched.Count} different rules: too few to show the engines agree.");
        }
    }
}
