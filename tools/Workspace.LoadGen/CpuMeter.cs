using System.Diagnostics;

namespace Workspace.LoadGen;

/// <summary>CPU time used by this process, and by the app when its process id is given, over the measured part of a run.</summary>
internal sealed class CpuMeter
{
    private readonly int? _serverPid;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _selfStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan? _serverStart;
    private readonly TimeSpan _gcPauseStart = GC.GetTotalPauseDuration();
    private readonly int _gen2Start = GC.CollectionCount(2);

    private CpuMeter(int? serverPid)
    {
        _serverPid = serverPid;
        _serverStart = ServerCpu(serverPid);
    }

    public static CpuMeter Start(int? serverPid) => new(serverPid);

    public CpuUsage Stop()
    {
        var self = Process.GetCurrentProcess().TotalProcessorTime - _selfStart;
        var server = ServerCpu(_serverPid) - _serverStart;
        return new CpuUsage(_wall.Elapsed, self, server, GC.GetTotalPauseDuration() - _gcPauseStart, GC.CollectionCount(2) - _gen2Start);
    }

    private static TimeSpan? ServerCpu(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }
        try
        {
            using var process = Process.GetProcessById(id);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>CPU time of both processes, and the generator's own GC pauses, which would otherwise pass for app latency.</summary>
internal sealed record CpuUsage(TimeSpan Wall, TimeSpan Generator, TimeSpan? Server, TimeSpan GeneratorGcPause, int GeneratorGen2Collections)
{
    public static string Cores(TimeSpan cpu, TimeSpan wall) => $"{cpu.TotalSeconds / wall.TotalSeconds:0.00} cores";
}
