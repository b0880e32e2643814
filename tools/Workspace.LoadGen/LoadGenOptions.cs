using System.Globalization;
using System.Net;

namespace Workspace.LoadGen;

/// <summary>The generator's command line. Every knob is bounded so that a run always ends.</summary>
internal sealed record LoadGenOptions
{
    public const string Usage = """
        Workspace.LoadGen: customer -> agent load against a running Workspace instance on loopback.

          --url URL                 app base address, loopback only (default http://127.0.0.1:5080)
          --conversations N         customer connections, one conversation each (default 100, 1..5000)
          --rate R                  total customer messages per second, spread evenly over the connections (default 100)
          --duration S              seconds of sending (default 60, 1..3600)
          --warmup S                first seconds left out of the latency figures (default 5; messages still verified)
          --drop-percent P          share of customer connections that drop and reconnect mid-run (default 0)
          --offline-ms MS           how long a dropped connection stays away before reconnecting (default 1000)
          --agent-email EMAIL       staff account for the agent-side subscriber (default lead@demo.local)
          --agent-password PASS     its password (default Demo!2345)
          --agent-connections K     agent hub connections the subscriptions are spread over (default 1)
          --api-key KEY             API key used to read the stored messages back (default wk_demo_key_0001)
          --drain S                 seconds to wait after sending for acks and deliveries (default 30)
          --setup-parallelism M     connections opened at once during setup (default 16)
          --server-pid PID          optional: report the app process's CPU use during the run
          --seed N                  random seed for the drop schedule (default 1)
        Exit code: 0 all verified; 1 a message was lost or duplicated or a sequence has a gap; 2 bad options or setup failed.
        """;

    /// <summary>The hub's per-connection limit (CustomerHub.Throttle): 20 calls at once, 5 per second after that.</summary>
    public const double HubCallsPerSecond = 5;

    public Uri Url { get; init; } = new("http://127.0.0.1:5080/");
    public int Conversations { get; init; } = 100;
    public double Rate { get; init; } = 100;
    public int DurationSeconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 5;
    public double DropPercent { get; init; }
    public int OfflineMilliseconds { get; init; } = 1000;
    public string AgentEmail { get; init; } = "lead@demo.local";
    public string AgentPassword { get; init; } = "Demo!2345";
    public int AgentConnections { get; init; } = 1;
    public string ApiKey { get; init; } = "wk_demo_key_0001";
    public int DrainSeconds { get; init; } = 30;
    public int SetupParallelism { get; init; } = 16;
    public int? ServerPid { get; init; }
    public int Seed { get; init; } = 1;

    public double PerConnectionRate => Rate / Conversations;

    public long TotalMessages => (long)Math.Round(Rate * DurationSeconds);

    public int DroppedConnections => DropPercent <= 0 ? 0 : Math.Max(1, (int)Math.Round(Conversations * DropPercent / 100));

    public static bool TryParse(IReadOnlyList<string> args, out LoadGenOptions options, out string? problem)
    {
        options = new LoadGenOptions();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                problem = "";
                return false;
            }
            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value.";
                return false;
            }
            var value = args[++i];
            try
            {
                options = name switch
                {
                    "--url" => options with { Url = new Uri(value.EndsWith('/') ? value : value + "/", UriKind.Absolute) },
                    "--conversations" => options with { Conversations = Int(value) },
                    "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--duration" => options with { DurationSeconds = Int(value) },
                    "--warmup" => options with { WarmupSeconds = Int(value) },
                    "--drop-percent" => options with { DropPercent = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--offline-ms" => options with { OfflineMilliseconds = Int(value) },
                    "--agent-email" => options with { AgentEmail = value },
                    "--agent-password" => options with { AgentPassword = value },
                    "--agent-connections" => options with { AgentConnections = Int(value) },
                    "--api-key" => options with { ApiKey = value },
                    "--drain" => options with { DrainSeconds = Int(value) },
                    "--setup-parallelism" => options with { SetupParallelism = Int(value) },
                    "--server-pid" => options with { ServerPid = Int(value) },
                    "--seed" => options with { Seed = Int(value) },
                    _ => throw new FormatException($"Unknown option {name}."),
                };
            }
            catch (FormatException e)
            {
                problem = $"{name} {value}: {e.Message}";
                return false;
            }
        }
        problem = options.Validate();
        return problem is null;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private string? Validate()
    {
        if (Url.Scheme is not ("http" or "https"))
        {
            return "--url must be an http or https address.";
        }
        // The generator is a benchmark of this machine's own instance: it never sends traffic elsewhere.
        if (!Url.IsLoopback && !(IPAddress.TryParse(Url.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return $"--url must point at a loopback address (127.0.0.1, [::1] or localhost), not {Url.Host}.";
        }
        return this switch
        {
            { Conversations: < 1 or > 5000 } => "--conversations must be between 1 and 5000.",
            { Rate: <= 0 or > 20_000 } => "--rate must be above 0 and at most 20000 messages/s.",
            { DurationSeconds: < 1 or > 3600 } => "--duration must be between 1 and 3600 seconds.",
            { WarmupSeconds: < 0 } => "--warmup must not be negative.",
            _ when WarmupSeconds >= DurationSeconds => "--warmup must be shorter than --duration.",
            { DropPercent: < 0 or > 100 } => "--drop-percent must be between 0 and 100.",
            { OfflineMilliseconds: < 0 or > 60_000 } => "--offline-ms must be between 0 and 60000.",
            { AgentConnections: < 1 or > 64 } => "--agent-connections must be between 1 and 64.",
            { DrainSeconds: < 1 or > 600 } => "--drain must be between 1 and 600 seconds.",
            { SetupParallelism: < 1 or > 256 } => "--setup-parallelism must be between 1 and 256.",
            _ when string.IsNullOrEmpty(AgentEmail) || string.IsNullOrEmpty(AgentPassword) => "--agent-email and --agent-password must not be empty.",
            _ => null,
        };
    }
}
