using System.Globalization;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>The recent periods the feedback panels offer: the last so many days up to now.</summary>
public sealed record FeedbackPeriod(int Days)
{
    public static readonly FeedbackPeriod Default = new(30);

    public static readonly IReadOnlyList<FeedbackPeriod> Choices = [new(7), Default, new(90)];

    public string Label => string.Create(CultureInfo.InvariantCulture, $"Last {Days} days");

    public (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset now) => (now.AddDays(-Days), now);
}
