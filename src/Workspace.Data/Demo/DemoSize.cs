namespace Workspace.Data.Demo;

/// <summary>How much demo world to generate.</summary>
public sealed record DemoSize(int Customers, long Events, int Conversations, IReadOnlyList<BenchmarkCustomer> BenchmarkCustomers)
{
    /// <summary>The dataset a new user sees: 500 customers, six months of events, 2,000 past conversations.</summary>
    public static readonly DemoSize Demo = new(500, 30_000, 2_000, []);

    /// <summary>The benchmark dataset, with one heavy and one light customer for the context-panel benchmark.</summary>
    public static readonly DemoSize Large = new(100_000, 5_000_000, 100_000, [BenchmarkCustomer.Heavy, BenchmarkCustomer.Light]);
}

/// <summary>A customer with an exact history size, so benchmarks measure a known shape.</summary>
public sealed record BenchmarkCustomer(string ExternalId, int Events, int Transactions, int Conversations)
{
    public static readonly BenchmarkCustomer Heavy = new("bench_heavy", 10_000, 1_000, 300);
    public static readonly BenchmarkCustomer Light = new("bench_light", 80, 15, 5);
}

public sealed record DemoProgress(string Phase, long Done, long Total, long EventsWritten);
