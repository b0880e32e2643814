using Workspace.Data.Conversations;

namespace Workspace.Web.Features.Conversations;

/// <summary>Puts snoozed conversations back in the queue when their time comes, and tells the inboxes.</summary>
public sealed partial class SnoozeWaker(ConversationRepository conversations, IConversationNotifier notifier, TimeProvider clock, ILogger<SnoozeWaker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                foreach (var id in await conversations.WakeSnoozedAsync(clock.GetUtcNow(), stoppingToken))
                {
                    if (await conversations.GetAsync(id, stoppingToken) is { } woken)
                    {
                        notifier.Publish(new ConversationChanged(id, woken, "woke"));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWakeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking snoozed conversations failed; retrying on the next tick")]
    private static partial void LogWakeFailed(ILogger logger, Exception e);
}
