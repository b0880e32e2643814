using System.Runtime.InteropServices;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// The CPU time the calling thread has used so far (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>); null on other systems.
/// Beside the wall clock it shows how much of a hostile render's time was work and how much waiting for a core.
/// </summary>
internal static class ThreadCpuTime
{
    private const int LinuxThreadCpuClock = 3;

    public static TimeSpan? Now() =>
        OperatingSystem.IsLinux() && ClockGetTime(LinuxThreadCpuClock, out var time) == 0
            ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
            : null;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }
}
