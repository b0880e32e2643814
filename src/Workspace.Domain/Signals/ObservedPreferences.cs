using System.Globalization;
using Workspace.Domain.Conversations;

namespace Workspace.Domain.Signals;

/// <summary>
/// What the customer's behaviour suggests, shown beside what they declared; wherever both exist the
/// declared value wins.
/// </summary>
public sealed record ObservedPreferences(string? MostActiveHours, Channel? PreferredChannel, TimeSpan? UsualReplyLatency, string Reason)
{
    /// <summary>
    /// The three-hour window with the most activity in the last 35 days, in the customer's time zone
    /// (UTC when none is known), and the channel they have used most.
    /// </summary>
    public static ObservedPreferences From(IReadOnlyDictionary<int, int> activityByUtcHour, string? timeZone, string? mostUsedChannel, DateTimeOffset now,
        IReadOnlyList<ReplyTurn>? turns = null)
    {
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var tz) ? tz : TimeZoneInfo.Utc;
        var offset = (int)Math.Round(zone.GetUtcOffset(now).TotalHours);
        var local = new int[24];
        foreach (var (hour, count) in activityByUtcHour)
        {
            local[((hour + offset) % 24 + 24) % 24] += count;
        }
        var total = local.Sum();
        string? window = null;
        if (total >= 5)
        {
            var best = Enumerable.Range(0, 24).MaxBy(h => local[h] + local[(h + 1) % 24] + local[(h + 2) % 24]);
            window = string.Create(CultureInfo.InvariantCulture, $"{best:00}:00–{(best + 3) % 24:00}:00 {(zone == TimeZoneInfo.Utc ? "UTC" : zone.Id)}");
        }
        Channel? channel = mostUsedChannel is not null && Enum.TryParse<Channel>(mostUsedChannel, out var c) ? c : null;
        var latency = MedianReplyLatency(turns ?? []);
        var reason = (window is null ? $"Too little activity ({total} events in 35 days) to tell active hours" : $"Most of {total} events in 35 days fall in {window}")
            + (channel is null ? "; no conversations yet" : $"; most conversations came by {channel}")
            + (latency is { } l ? $"; replies to agents after {Describe(l)} (median)." : "; too few replies to tell how fast they answer.");
        return new ObservedPreferences(window, channel, latency, reason);
    }

    /// <summary>
    /// The median time from an agent's message to the customer's next message in the same conversation,
    /// over the turns given (recent conversations); null with fewer than 3 such replies.
    /// </summary>
    public static TimeSpan? MedianReplyLatency(IReadOnlyList<ReplyTurn> turns)
    {
        var gaps = new List<TimeSpan>();
        foreach (var conversation in turns.GroupBy(t => t.ConversationId))
        {
            DateTimeOffset? lastAgent = null;
            foreach (var turn in conversation.OrderBy(t => t.At))
            {
                if (!turn.FromCustomer)
                {
                    lastAgent ??= turn.At;
                }
                else if (lastAgent is { } agentAt)
                {
                    gaps.Add(turn.At - agentAt);
                    lastAgent = null;
                }
            }
        }
        if (gaps.Count < 3)
        {
            return null;
        }
        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    public static string Describe(TimeSpan span) =>
        span.TotalMinutes < 1 ? "under a minute"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
        : span.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days");
}

/// <summary>One customer or agent message of a recent conversation, for reply timing.</summary>
public sealed record ReplyTurn(long ConversationId, bool FromCustomer, DateTimeOffset At);
