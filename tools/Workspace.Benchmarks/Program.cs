using Workspace.Benchmarks;
using Workspace.Benchmarks.Routing;
using Workspace.Benchmarks.Templates;

return args.FirstOrDefault() switch
{
    "context" => await ContextLoadBenchmark.RunAsync(args[1..]),
    "metrics" => await MetricsLoadBenchmark.RunAsync(args[1..]),
    "routing" => RoutingBenchmarks.Run(args[1..]),
    "templates" => TemplateBenchmarks.Run(args[1..]),
    "templates-hostile" => HostileTemplates.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Workspace benchmarks
          context --database <sqlite file made by seed-large> [--iterations 2000] [--warmup 200]
            Loads the customer context (what the panel and GET /api/v1/customers/{id}/context read) for the heavy
            benchmark customer (10,000 events, 1,000 transactions, 300 conversations) and the light one (100 rows),
            interleaved, and prints p50/p95/p99/max for each and the ratio of the p99s.
          metrics --database <sqlite file made by seed-large> [--iterations 50] [--warmup 5]
            Loads the metrics dashboard (every metric overall, per group and per day or week, one statement) for the last
            30 and 90 days of the data, by team, agent, tier and lifecycle stage, and prints p50/p95/max per case.
          routing [BenchmarkDotNet options, e.g. --filter *Compile* or --job short]
            BenchmarkDotNet: one routing decision with its trace against a generated 200-rule ruleset, first matched by
            rule 100 and by rule 190, beside the same rules in Microsoft RulesEngine (first match and all rules), and
            compiling the 200 rules. Runs every benchmark unless --filter is given, with 8 warm-up and 20 measured
            iterations unless --job is given. Build in Release: dotnet run -c Release --project tools/Workspace.Benchmarks -- routing
          templates [BenchmarkDotNet options, e.g. --filter *Render* or --job short]
            BenchmarkDotNet: one render of a realistic template (10 fields, 6 conditional blocks, 2 included blocks),
            parsed once beforehand, against the example customer, beside the same template in Fluid; and compiling it,
            beside Fluid's parse. Same defaults as routing (every benchmark, 8 warm-up and 20 measured iterations).
            Then times hostile templates as templates-hostile does, 20 renders each.
            Build in Release: dotnet run -c Release --project tools/Workspace.Benchmarks -- templates
          templates-hostile [--runs 20]
            Renders each hostile template (endless loops, runaway recursion, string growth, output floods) the given
            number of times with a stopwatch and prints the median and maximum time until the limit's error returned.
        """);
    return 2;
}
