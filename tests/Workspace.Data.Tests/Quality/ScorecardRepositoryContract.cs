using Workspace.Data.Audit;
using Workspace.Data.Quality;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Quality;

namespace Workspace.Data.Tests.Quality;

/// <summary>Scorecard versions on every provider: appended, never changed, refused over a version published meanwhile.</summary>
public abstract class ScorecardRepositoryContract : DatabaseTest
{
    private const string Lead = "lead@tests.local";

    private ScorecardRepository Scorecards => new(Db);

    private static Scorecard Card(string key, string name = "Support quality", int toneWeight = 1) => new(key, name,
    [
        new ScorecardCriterion("tone", "Tone", null, toneWeight, 3),
        new ScorecardCriterion("process", "Followed process", "Playbook steps", 2, 2, AllowNotApplicable: true),
    ]);

    [Fact]
    public async Task Publish_NewThenNext_AppendsVersionsAndKeepsTheFirstAsItWas()
    {
        var key = Unique("card");

        var first = await Scorecards.PublishAsync(Card(key), null, Lead, Now, Ct);
        var second = await Scorecards.PublishAsync(Card(key, "Support quality 2026", toneWeight: 5), 1, Lead, Now.AddHours(1), Ct);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        var v1 = await Scorecards.VersionAsync(key, 1, Ct);
        Assert.NotNull(v1);
        Assert.Equal("Support quality", v1.Scorecard.Name);
        Assert.Equal(Card(key).Criteria, v1.Scorecard.Criteria);
        Assert.Equal(5, (await Scorecards.VersionAsync(key, 2, Ct))!.Scorecard.Criteria[0].Weight);
        Assert.Equal([2, 1], (await Scorecards.VersionsAsync(key, Ct)).Select(v => v.Version));
        var current = Assert.Single(await Scorecards.CurrentAsync(Ct), c => c.Key == key);
        Assert.Equal(2, current.Version);
        Assert.Equal(Lead, current.PublishedBy);
        Assert.Equal(Now.AddHours(1), current.PublishedAt);
        var audit = await new AuditLog(Db).EntriesAsync("scorecard.published", $"scorecard {key} v2", Ct);
        Assert.Single(audit);
    }

    [Fact]
    public async Task Publish_OverAVersionPublishedMeanwhile_RefusedAndNothingStored()
    {
        var key = Unique("card");
        await Scorecards.PublishAsync(Card(key), null, Lead, Now, Ct);
        await Scorecards.PublishAsync(Card(key, "Other lead's edit"), 1, "other@tests.local", Now.AddMinutes(1), Ct);

        var stale = await Scorecards.PublishAsync(Card(key, "My edit"), 1, Lead, Now.AddMinutes(2), Ct);

        Assert.False(stale.Published);
        Assert.Equal("Version 2 was published by other@tests.local meanwhile; reload it before publishing.", stale.Refusal);
        Assert.Equal(2, (await Scorecards.VersionsAsync(key, Ct)).Count);
    }

    [Fact]
    public async Task Publish_NewScorecardWithATakenKey_Refused()
    {
        var key = Unique("card");
        await Scorecards.PublishAsync(Card(key), null, Lead, Now, Ct);

        var again = await Scorecards.PublishAsync(Card(key, "Same key"), null, Lead, Now, Ct);

        Assert.False(again.Published);
        Assert.Contains("already exists", again.Refusal, StringComparison.Ordinal);
        Assert.Equal("Support quality", (await Scorecards.VersionAsync(key, 1, Ct))!.Scorecard.Name);
    }

    [Fact]
    public async Task Publish_Invalid_ThrowsAndStoresNothing()
    {
        var key = Unique("card");
        var invalid = new Scorecard(key, "Broken", [new ScorecardCriterion("tone", "Tone", null, 0, 3)]);

        await Assert.ThrowsAsync<ArgumentException>(() => Scorecards.PublishAsync(invalid, null, Lead, Now, Ct));

        Assert.Empty(await Scorecards.VersionsAsync(key, Ct));
    }

    [Fact]
    public async Task SetRetired_RetireThenBringBack_MarksTheScorecardAndIsAudited()
    {
        var key = Unique("card");
        await Scorecards.PublishAsync(Card(key), null, Lead, Now, Ct);
        await Scorecards.PublishAsync(Card(key), 1, Lead, Now, Ct);

        Assert.True(await Scorecards.SetRetiredAsync(key, true, Lead, Now, Ct));
        Assert.False(await Scorecards.SetRetiredAsync(key, true, Lead, Now, Ct));

        Assert.All(await Scorecards.VersionsAsync(key, Ct), v => Assert.True(v.Retired));
        Assert.True(Assert.Single(await Scorecards.CurrentAsync(Ct), c => c.Key == key).Retired);
        Assert.Single(await new AuditLog(Db).EntriesAsync("scorecard.retired", $"scorecard {key}", Ct));

        Assert.True(await Scorecards.SetRetiredAsync(key, false, Lead, Now, Ct));
        Assert.False((await Scorecards.VersionAsync(key, 2, Ct))!.Retired);
    }
}
