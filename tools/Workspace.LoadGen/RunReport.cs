using System.Diagnostics;
using System.Globalization;

namespace Workspace.LoadGen;

/// <summary>The figures of a run, printed for a person and as one SUMMARY line for scripts.</summary>
internal sealed class RunReport(
    LoadGenOptions options,
    RunLedger ledger,
    long started,
    TimeSpan sendPhase,
    TimeSpan maxLag,
    TimeSpan drained,
    CpuUsage cpu,
    Verification verification,
    IReadOnlyList<TimeSpan?> reconnects)
{
    public void Write(TextWriter o)
    {
        var all = ledger.Snapshot();
        var load = all.Where(m => m.Kind != MessageKind.Opening).ToList();
        var measured = load.Where(m => m.Measured && m.SentAt > 0).ToList();
        var delivery = new Percentiles(measured.Where(m => m.Deliveries > 0).Select(m => Ms(m.DeliveredAt - m.SentAt)));
        var ack = new Percentiles(measured.Where(m => m.State == MessageState.Acked).Select(m => Ms(m.AckedAt - m.SentAt)));
        var toServer = new Percentiles(measured.Where(m => m.Deliveries > 0).Select(m => (m.ServerStamp - m.SentWall).TotalMilliseconds));
        var fromServer = new Percentiles(measured.Where(m => m.Deliveries > 0)
            .Select(m => (m.SentWall + Stopwatch.GetElapsedTime(m.SentAt, m.DeliveredAt) - m.ServerStamp).TotalMilliseconds));

        var acked = load.Count(m => m.State == MessageState.Acked);
        var failed = load.Count(m => m.State == MessageState.Failed);
        var delivered = load.Count(m => m.Deliveries > 0);
        var lastAck = load.Where(m => m.AckedAt > 0).Select(m => m.AckedAt).DefaultIfEmpty(started).Max();
        var lastDelivery = load.Where(m => m.DeliveredAt > 0).Select(m => m.DeliveredAt).DefaultIfEmpty(started).Max();
        var ackRate = Rate(acked, lastAck);
        var deliveryRate = Rate(delivered, lastDelivery);
        var errors = ledger.Errors.Values.Sum() + verification.Unanswered;

        o.WriteLine();
        o.WriteLine("== Results ==");
        o.WriteLine($"Messages      sent {load.Count:N0} ({load.Count(m => m.Kind == MessageKind.InFlightAtDrop)} of them in flight at a drop), acked {acked:N0}, "
            + $"failed {failed:N0}, unanswered {verification.Unanswered:N0}, observed by the agent side {delivered:N0}");
        o.WriteLine($"Throughput    offered {options.Rate:N0} msg/s; sent {load.Count / Math.Max(0.001, sendPhase.TotalSeconds):N0} msg/s; "
            + $"acked {ackRate:N0} msg/s; delivered to the agent side {deliveryRate:N0} msg/s");
        o.WriteLine($"Delivery      send -> MessageStored on the agent connection: {delivery}");
        o.WriteLine($"Ack           send -> Send acknowledged:                    {ack}");
        o.WriteLine($"  split       send -> server timestamp: p50 {Percentiles.Ms(toServer.At(50))}, p99 {Percentiles.Ms(toServer.At(99))};  "
            + $"server timestamp -> agent: p50 {Percentiles.Ms(fromServer.At(50))}, p99 {Percentiles.Ms(fromServer.At(99))}");
        WriteTimeline(o, load);
        o.WriteLine($"Errors        {errors:N0}");
        foreach (var (kind, count) in ledger.Errors.OrderByDescending(e => e.Value))
        {
            o.WriteLine($"  {count,8:N0}  {kind}");
        }
        foreach (var (kind, count) in ledger.Anomalies.OrderByDescending(e => e.Value))
        {
            o.WriteLine($"Anomaly       {count:N0} x {kind}");
        }
        if (reconnects.Count > 0)
        {
            var times = new Percentiles(reconnects.Where(r => r is not null).Select(r => r!.Value.TotalMilliseconds));
            o.WriteLine($"Drops         {reconnects.Count} connection(s) dropped; reconnect + re-send + catch-up: {times}");
        }
        o.WriteLine($"Verification  {verification.Conversations:N0} conversations, {verification.StoredMessages:N0} stored messages read back");
        o.WriteLine($"  lost        {verification.Lost:N0} (acked but not stored {verification.LostFromStore:N0}; stored but never observed by the agent side {verification.LostOnAgentSide:N0})");
        o.WriteLine($"  duplicated  {verification.Duplicated:N0} (client id stored twice {verification.DuplicatedInStore:N0}; observed twice by the agent side {verification.DuplicatedOnAgentSide:N0})");
        o.WriteLine($"  sequences   {verification.SequenceGaps:N0} gap(s); {verification.AckSequenceMismatches:N0} ack(s) naming another sequence than stored; "
            + $"{verification.StoredDespiteError:N0} stored although the send reported an error");
        foreach (var example in verification.Examples)
        {
            o.WriteLine($"  e.g.        {example}");
        }
        o.WriteLine($"  agent side  {ledger.OutOfOrder:N0} arrival(s) out of sequence order (informational); {ledger.UnknownObserved:N0} unknown client id(s)");
        o.WriteLine($"CPU           generator {CpuUsage.Cores(cpu.Generator, cpu.Wall)}"
            + (cpu.Server is { } server ? $", app {CpuUsage.Cores(server, cpu.Wall)}" : "")
            + $" over {cpu.Wall.TotalSeconds:0} s, on {Environment.ProcessorCount} cores; generator at most {maxLag.TotalMilliseconds:0} ms behind its schedule, "
            + $"GC paused it {cpu.GeneratorGcPause.TotalMilliseconds:0} ms in total ({cpu.GeneratorGen2Collections} gen2); drain {drained.TotalSeconds:0.0} s");
        o.WriteLine(verification.Passed ? "RESULT        PASS: nothing lost or duplicated" : "RESULT        FAIL: messages lost or duplicated, or a sequence gap");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SUMMARY conversations={options.Conversations} rate={options.Rate} duration={options.DurationSeconds} drop_percent={options.DropPercent} "
            + $"delivery_p50_ms={delivery.At(50):0.0} delivery_p95_ms={delivery.At(95):0.0} delivery_p99_ms={delivery.At(99):0.0} delivery_max_ms={delivery.Max:0.0} "
            + $"ack_p50_ms={ack.At(50):0.0} ack_p99_ms={ack.At(99):0.0} acked_per_s={ackRate:0} delivered_per_s={deliveryRate:0} "
            + $"errors={errors} lost={verification.Lost} duplicated={verification.Duplicated} gaps={verification.SequenceGaps}"));
    }

    /// <summary>Latency by send time in windows: a figure that only holds for the first seconds is not sustained.</summary>
    private void WriteTimeline(TextWriter o, List<SentMessage> load)
    {
        var window = options.DurationSeconds <= 30 ? 5 : 10;
        o.WriteLine($"Timeline      by send time, {window} s windows (delivery latency of measured messages)");
        var groups = load.Where(m => m.SentAt > 0)
            .GroupBy(m => (int)(Stopwatch.GetElapsedTime(started, m.SentAt).TotalSeconds / window))
            .OrderBy(g => g.Key);
        foreach (var g in groups)
        {
            var latencies = new Percentiles(g.Where(m => m.Measured && m.Deliveries > 0).Select(m => Ms(m.DeliveredAt - m.SentAt)));
            o.WriteLine($"  {g.Key * window,4}-{(g.Key + 1) * window,-4} s  sent {g.Count(),7:N0}  acked {g.Count(m => m.State == MessageState.Acked),7:N0}  "
                + $"p50 {Percentiles.Ms(latencies.At(50)),10}  p99 {Percentiles.Ms(latencies.At(99)),10}  max {Percentiles.Ms(latencies.Max),10}");
        }
    }

    private double Rate(int count, long last)
    {
        var seconds = Stopwatch.GetElapsedTime(started, last).TotalSeconds;
        return seconds <= 0 ? 0 : count / seconds;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
