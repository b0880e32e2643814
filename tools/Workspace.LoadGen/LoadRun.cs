using System.Diagnostics;

namespace Workspace.LoadGen;

/// <summary>One run: sign in, open the conversations, subscribe the agent side, send on schedule, drain, verify, report.</summary>
internal sealed class LoadRun(LoadGenOptions options, TextWriter output)
{
    /// <summary>Past this many unanswered sends the app is not keeping up at all; the run stops sending rather than grow without bound.</summary>
    private const int MaxOutstanding = 100_000;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    private readonly RunLedger _ledger = new(Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))[..8]);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        WriteHeader();
        var setup = Stopwatch.StartNew();
        await using var agents = new AgentObserver(options.Url, _ledger);
        var sessions = new List<CustomerSession>();
        try
        {
            var cookies = await StaffSignIn.SignInAsync(options.Url, options.AgentEmail, options.AgentPassword, ct);
            await agents.ConnectAsync(cookies, options.AgentConnections, ct);
            sessions = await OpenSessionsAsync(ct);
            await agents.SubscribeAsync(sessions.Select(s => s.ConversationId).ToList(), options.SetupParallelism, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            output.WriteLine($"Setup failed: {e.Message}");
            await DisposeAllAsync(sessions);
            return 2;
        }
        output.WriteLine($"Setup: {sessions.Count:N0} conversations opened and subscribed in {setup.Elapsed.TotalSeconds:0.0} s.");

        var cpu = CpuMeter.Start(options.ServerPid);
        var started = Stopwatch.GetTimestamp();
        var drops = ScheduleDrops(sessions, started, ct);
        var (sent, lag) = await SendOnScheduleAsync(sessions, started, ct);
        var sendPhase = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"Sent {sent:N0} messages in {sendPhase.TotalSeconds:0.0} s; draining (at most {options.DrainSeconds} s)...");
        var drained = await DrainAsync(drops);
        var usage = cpu.Stop();

        var verifier = new StoreVerifier(options.Url, options.ApiKey);
        Verification verification;
        try
        {
            var stored = await verifier.ReadAllAsync(sessions.Select(s => s.ConversationId).ToList(), CancellationToken.None);
            verification = Verification.Check(_ledger.Snapshot(), stored);
        }
        catch (Exception e)
        {
            output.WriteLine($"Reading the stored messages back failed: {e.Message}");
            await DisposeAllAsync(sessions);
            return 2;
        }

        var report = new RunReport(options, _ledger, started, sendPhase, lag, drained, usage, verification,
            sessions.Where(s => s.Dropped).Select(s => s.ReconnectTime).ToList());
        report.Write(output);
        await DisposeAllAsync(sessions);
        return verification.Passed ? 0 : 1;
    }

    private void WriteHeader()
    {
        output.WriteLine($"Workspace.LoadGen run {_ledger.RunId} against {options.Url}");
        output.WriteLine($"  {options.Conversations:N0} conversations, {options.Rate:N0} msg/s total ({options.PerConnectionRate:0.##} per connection), "
            + $"{options.DurationSeconds} s (first {options.WarmupSeconds} s not measured), {options.DroppedConnections} connection(s) drop and reconnect, "
            + $"{options.AgentConnections} agent connection(s)");
        if (options.PerConnectionRate >= LoadGenOptions.HubCallsPerSecond)
        {
            output.WriteLine($"  WARNING: {options.PerConnectionRate:0.##} sends/s per connection reaches the hub's limit of {LoadGenOptions.HubCallsPerSecond}/s: "
                + "expect refusals, reported as errors. Use more conversations for a higher total rate.");
        }
    }

    private async Task<List<CustomerSession>> OpenSessionsAsync(CancellationToken ct)
    {
        var sessions = new CustomerSession[options.Conversations];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Conversations),
                new ParallelOptions { MaxDegreeOfParallelism = options.SetupParallelism, CancellationToken = ct },
                async (i, token) =>
                {
                    var session = new CustomerSession(i, options.Url, _ledger);
                    sessions[i] = session;
                    await session.OpenAsync(token);
                });
        }
        catch
        {
            await DisposeAllAsync(sessions.Where(s => s is not null).ToList());
            throw;
        }
        return [.. sessions];
    }

    private List<Task> ScheduleDrops(List<CustomerSession> sessions, long started, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        var chosen = sessions.OrderBy(_ => random.Next()).Take(options.DroppedConnections).ToList();
        var offline = TimeSpan.FromMilliseconds(options.OfflineMilliseconds);
        return chosen.Select(session =>
        {
            // Somewhere in the middle half of the run, so drops happen under full load.
            var at = TimeSpan.FromSeconds(options.DurationSeconds * (0.25 + (0.5 * random.NextDouble())));
            return Task.Run(async () =>
            {
                try
                {
                    var wait = at - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }
                    await session.DropAndReconnectAsync(_ledger.Create(session.Index, MessageKind.InFlightAtDrop, measured: false), offline, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Stopped by the user: the report says what was verified up to here.
                }
                catch (Exception e)
                {
                    _ledger.Error("drop and reconnect failed: " + RunLedger.Classify(e));
                }
            }, CancellationToken.None);
        }).ToList();
    }

    /// <summary>
    /// Open loop: message k is due at k / rate seconds and goes to connection k mod N, so each connection
    /// sends at rate / N whatever the server does. Returns how many were sent and how late the generator
    /// itself ever was against that schedule.
    /// </summary>
    private async Task<(long Sent, TimeSpan MaxLag)> SendOnScheduleAsync(List<CustomerSession> sessions, long started, CancellationToken ct)
    {
        var total = options.TotalMessages;
        var warmupEnd = TimeSpan.FromSeconds(options.WarmupSeconds);
        var hardStop = TimeSpan.FromSeconds((options.DurationSeconds * 2) + 10);
        var maxLag = TimeSpan.Zero;
        long k = 0;
        using var timer = new PeriodicTimer(Tick);
        while (k < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > hardStop || ct.IsCancellationRequested)
            {
                break;
            }
            if (_ledger.Outstanding > MaxOutstanding)
            {
                _ledger.Error($"stopped sending: more than {MaxOutstanding:N0} sends unanswered");
                break;
            }
            var due = Math.Min(total, (long)(elapsed.TotalSeconds * options.Rate) + 1);
            for (; k < due; k++)
            {
                var lag = elapsed - TimeSpan.FromSeconds(k / options.Rate);
                if (lag > maxLag)
                {
                    maxLag = lag;
                }
                var session = sessions[(int)(k % sessions.Count)];
                session.Send(_ledger.Create(session.Index, MessageKind.Load, measured: elapsed >= warmupEnd));
            }
            try
            {
                await timer.WaitForNextTickAsync(ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return (k, maxLag);
    }

    /// <summary>Waits, bounded, until every send is answered, every drop has reconnected and every stored message was observed.</summary>
    private async Task<TimeSpan> DrainAsync(List<Task> drops)
    {
        var drain = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(options.DrainSeconds);
        while (drain.Elapsed < limit)
        {
            if (_ledger.Outstanding == 0 && drops.All(d => d.IsCompleted)
                && _ledger.Snapshot().All(m => m.Kind == MessageKind.Opening || m.State != MessageState.Acked || m.Deliveries > 0))
            {
                break;
            }
            await Task.Delay(200, CancellationToken.None);
        }
        if (!drops.All(d => d.IsCompleted))
        {
            _ledger.Error("a drop and reconnect had not finished when the drain ended");
        }
        return drain.Elapsed;
    }

    private static async Task DisposeAllAsync(List<CustomerSession> sessions)
    {
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (s, _) => await s.DisposeAsync());
    }
}
