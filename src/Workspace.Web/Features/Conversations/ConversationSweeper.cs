using Microsoft.Extensions.Options;
using Workspace.Web.Features.Routing;

namespace Workspace.Web.Features.Conversations;

/// <summary>
/// Runs <see cref="ConversationService.SweepAsync"/> on a timer: snoozed conversations wake, offline
/// agents' conversations return to the queue after the grace period, and queues drain. Changes
/// that free a seat drain at once; the sweep catches what only time changes.
/// </summary>
public sealed partial class ConversationSweeper(ConversationService conversations, IOptions<RoutingOptions> options, TimeProvider clock, ILogger<ConversationSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await conversations.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping conversations failed; retrying on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception e);
}
