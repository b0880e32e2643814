namespace Workspace.LoadGen;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (!LoadGenOptions.TryParse(args, out var options, out var problem))
        {
            if (!string.IsNullOrEmpty(problem))
            {
                await Console.Error.WriteLineAsync(problem);
            }
            await Console.Error.WriteLineAsync(LoadGenOptions.Usage);
            return string.IsNullOrEmpty(problem) ? 0 : 2;
        }
        // A thousand connections start at once: without a head start the thread pool grows too slowly and setup stalls.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await new LoadRun(options, Console.Out).RunAsync(stop.Token);
    }
}
