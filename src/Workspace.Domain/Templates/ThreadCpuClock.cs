using System.Runtime.InteropServices;

namespace Workspace.Domain.Templates;

/// <summary>
/// The CPU time the calling thread has used so far, on Linux, macOS and Windows; null elsewhere. Unlike the
/// wall clock it does not run while the thread waits for a core, so it tells a template that works for
/// 50 ms from one that was merely kept waiting. A system call: read it only when the wall clock says a
/// render is already slow.
/// </summary>
internal static class ThreadCpuClock
{
    private const int LinuxThreadCpuClock = 3;   // CLOCK_THREAD_CPUTIME_ID in Linux's time.h
    private const int MacOSThreadCpuClock = 16;  // CLOCK_THREAD_CPUTIME_ID in macOS's time.h

    private static volatile bool _unavailable;

    public static TimeSpan? Now()
    {
        if (_unavailable)
        {
            return null;
        }
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                var clock = OperatingSystem.IsLinux() ? LinuxThreadCpuClock : MacOSThreadCpuClock;
                if (Native.ClockGetTime(clock, out var time) == 0)
                {
                    return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
                }
            }
            else if (OperatingSystem.IsWindows()
                && Native.GetThreadTimes(Native.GetCurrentThread(), out _, out _, out var kernel, out var user))
            {
                return TimeSpan.FromTicks(kernel + user);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        _unavailable = true;
        return null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int ClockGetTime(int clock, out Timespec time);

        [DllImport("kernel32.dll")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        public static extern IntPtr GetCurrentThread();

        [DllImport("kernel32.dll")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);
    }
}
