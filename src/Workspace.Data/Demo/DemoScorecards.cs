using System.Data.Common;
using Workspace.Data.Database;
using Workspace.Data.Quality;
using Workspace.Domain.Quality;

namespace Workspace.Data.Demo;

/// <summary>The demo's scorecard, published as version 1 so reviewers can score from the first start.</summary>
public static class DemoScorecards
{
    public const string SupportQualityKey = "support-quality";

    public static readonly Scorecard SupportQuality = new(SupportQualityKey, "Support quality",
    [
        new("greeting-tone", "Greeting and tone", "Greets the customer by name and keeps a tone that fits them (concise or guided).", 1, 3),
        new("understood-problem", "Understood the problem", "Restates or asks about the actual problem before answering it.", 2, 4),
        new("used-context", "Used the customer's context", "Uses what the context panel shows (stage, failed steps, open issues, plan) instead of asking for it.", 2, 4),
        new("correct-resolution", "Correct resolution", "The answer solves the problem, or the hand-over says exactly what is left.", 3, 4),
        new("followed-process", "Followed process", "Escalations, refunds and transfers done as the playbook says; not applicable when none was needed.", 1, 2, AllowNotApplicable: true),
    ]);

    /// <summary>Publishes the demo scorecard in a transaction of its own, as the demo seed at the start of the seeding day.</summary>
    public static async Task WriteAsync(DbConnection connection, ISqlDialect dialect, DateTimeOffset anchor, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ScorecardRepository.PublishAsync(connection, tx, dialect, SupportQuality, "demo seed", new DateTimeOffset(anchor.UtcDateTime.Date, TimeSpan.Zero), ct);
        await tx.CommitAsync(ct);
    }
}
