using System.Runtime.CompilerServices;

namespace Workspace.Web.Tests.Support;

/// <summary>
/// The component tests run in parallel beside the real app in one process; on a 2-core machine the thread pool starts
/// with two workers and grows slowly, so a bUnit renderer could wait seconds for a thread to run its checks (a test
/// then failed with "the wait condition was never checked"). Starting with more workers removes the wait, not a check.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
