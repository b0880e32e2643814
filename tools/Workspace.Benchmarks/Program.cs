using Workspace.Benchmarks;

return args.FirstOrDefault() switch
{
    "context" => await ContextLoadBenchmark.RunAsync(args[1..]),
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
        """);
    return 2;
}
