using Workspace.Data.Audit;
using Workspace.Data.Routing;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Routing;

namespace Workspace.Data.Tests.Routing;

/// <summary>
/// What <see cref="RoutingRepository"/> promises about versions and the draft on every provider. The
/// versions table and the draft are global: when the database is shared (SQL Server) the tests of this
/// class still run one after another, so each reads what is live first and asserts relative to it.
/// </summary>
public abstract class RoutingVersionsContract : DatabaseTest
{
    private const string Lead = "lead@tests.local";
    private const string OtherLead = "maya.lead@tests.local";

    private RoutingRepository Routing => new(Db);

    private AuditLog Audit => new(Db);

    private static string Token() => Guid.NewGuid().ToString("N")[..8];

    private static RoutingDefinition Definition(string token) => RoutingSeed.Definition($"Specialists {token}", $"Support {token}");

    private static readonly int PerIntegration = ComplexityWeights.Default.PerIntegration;

    /// <summary>The API rule renamed, one Billing phrase added and the per-integration weight raised by 3.</summary>
    private static RoutingDefinition Revised(RoutingDefinition definition, string phrase) => definition with
    {
        Rules = [.. definition.Rules.Select(r => r.Id == RoutingSeed.ApiRuleId ? r with { Name = "API specialists" } : r)],
        IntentPhrases = definition.IntentPhrases.ToDictionary(p => p.Key, p => p.Key == Intent.Billing ? [.. p.Value, phrase] : p.Value),
        Weights = definition.Weights with { PerIntegration = definition.Weights.PerIntegration + 3 },
    };

    private static IReadOnlyList<string> RevisionChanges(string phrase) =>
    [
        $"Rule “{RoutingSeed.ApiRuleName}” renamed to “API specialists”.",
        $"Billing phrases added: “{phrase}”.",
        $"Complexity weight per integration: {PerIntegration} → {PerIntegration + 3}.",
    ];

    /// <summary>Definitions hold lists, so they are compared in their stored form.</summary>
    private static string Stored(RoutingDefinition definition) => RoutingJson.Write(definition);

    /// <summary>Publishes on top of whatever is live now; returns the new version.</summary>
    private async Task<int> PublishAsync(RoutingDefinition definition, DateTimeOffset at, string actor = Lead, string? comment = "Published by a test")
    {
        var active = await Routing.ActiveVersionAsync(Ct);
        var outcome = await Routing.PublishAsync(definition, active, comment, actor, at, Ct);
        Assert.Null(outcome.Refusal);
        Assert.Equal((active ?? 0) + 1, outcome.Version);
        return outcome.Version!.Value;
    }

    // --- PublishAsync ---

    [Fact]
    public async Task PublishAsync_FromActiveVersion_NextVersionLiveWithChanges()
    {
        var phrase = $"wire transfer {Token()}";
        var first = Definition(Token());
        var revised = Revised(first, phrase);
        var firstVersion = await PublishAsync(first, Now);

        var outcome = await Routing.PublishAsync(revised, firstVersion, "Rename the API rule", Lead, Now.AddMinutes(1), Ct);

        Assert.Null(outcome.Refusal);
        Assert.Equal(firstVersion + 1, outcome.Version);
        Assert.Equal(RevisionChanges(phrase), outcome.Changes);
        var active = await Routing.ActiveAsync(Ct);
        Assert.NotNull(active);
        Assert.Equal(firstVersion + 1, active.Version);
        Assert.Equal(Stored(revised), Stored(active.Definition));
        Assert.Equal("Rename the API rule", active.Comment);
        Assert.Equal(RevisionChanges(phrase), active.Changes);
        Assert.Equal((Lead, Now.AddMinutes(1)), (active.PublishedBy, active.PublishedAt));
        Assert.Equal(firstVersion + 1, await Routing.ActiveVersionAsync(Ct));
    }

    [Fact]
    public async Task PublishAsync_NewVersion_EarlierVersionsKeptUnchanged()
    {
        var first = Definition(Token());
        var firstVersion = await PublishAsync(first, Now, comment: "First");

        var secondVersion = await PublishAsync(Revised(first, $"sepa {Token()}"), Now.AddMinutes(1));

        var kept = await Routing.VersionAsync(firstVersion, Ct);
        Assert.NotNull(kept);
        Assert.Equal(Stored(first), Stored(kept.Definition));
        Assert.Equal(("First", Lead, Now), (kept.Comment, kept.PublishedBy, kept.PublishedAt));
        Assert.Equal([secondVersion, firstVersion], (await Routing.VersionsAsync(Ct)).Take(2).Select(v => v.Version));
    }

    [Fact]
    public async Task PublishAsync_Published_AuditedWithVersionCommentAndChanges()
    {
        var phrase = $"credit note {Token()}";
        var first = Definition(Token());
        var firstVersion = await PublishAsync(first, Now);

        var outcome = await Routing.PublishAsync(Revised(first, phrase), firstVersion, "Credit notes are billing", Lead, Now.AddMinutes(2), Ct);

        var entry = Assert.Single(await Audit.EntriesAsync("routing.published", $"routing v{outcome.Version}", Ct));
        Assert.Equal((Lead, Now.AddMinutes(2)), (entry.Actor, entry.At));
        var details = RoutingSeed.Data(entry.Details);
        Assert.Equal(outcome.Version, details.GetProperty("version").GetInt32());
        Assert.Equal("Credit notes are billing", details.GetProperty("comment").GetString());
        Assert.Equal(RevisionChanges(phrase), RoutingSeed.Strings(details.GetProperty("changes")));
    }

    [Fact]
    public async Task PublishAsync_BlankComment_StoredAsNone()
    {
        var version = await PublishAsync(Definition(Token()), Now, comment: "   ");

        Assert.Null((await Routing.VersionAsync(version, Ct))?.Comment);
    }

    [Fact]
    public async Task PublishAsync_StaleExpectedVersion_RefusedNamingVersionAndPublisherAndNothingStored()
    {
        var first = Definition(Token());
        var startedFrom = await PublishAsync(first, Now);
        // Another lead publishes while this one is still editing.
        var theirs = await PublishAsync(Revised(first, $"dunning {Token()}"), Now.AddMinutes(1), actor: OtherLead);
        var versionsBefore = (await Routing.VersionsAsync(Ct)).Count;

        var outcome = await Routing.PublishAsync(Definition(Token()), startedFrom, "Mine", Lead, Now.AddMinutes(2), Ct);

        Assert.Null(outcome.Version);
        Assert.Equal($"Version {theirs} was published by {OtherLead} meanwhile; review it before publishing.", outcome.Refusal);
        Assert.Empty(outcome.Changes);
        Assert.Equal(theirs, await Routing.ActiveVersionAsync(Ct));
        Assert.Equal(versionsBefore, (await Routing.VersionsAsync(Ct)).Count);
        Assert.Null(await Routing.VersionAsync(theirs + 1, Ct));
        Assert.Empty(await Audit.EntriesAsync("routing.published", $"routing v{theirs + 1}", Ct));
    }

    [Fact]
    public async Task PublishAsync_StaleExpectedVersion_DraftKept()
    {
        var first = Definition(Token());
        var startedFrom = await PublishAsync(first, Now);
        await PublishAsync(Definition(Token()), Now.AddMinutes(1), actor: OtherLead);
        // The lead's editor still started from the earlier version when saving.
        var draft = Revised(first, $"proforma {Token()}");
        await Routing.SaveDraftAsync(draft, startedFrom, Lead, Now.AddMinutes(2), Ct);

        Assert.NotNull((await Routing.PublishAsync(draft, startedFrom, null, Lead, Now.AddMinutes(3), Ct)).Refusal);

        var kept = await Routing.DraftAsync(Ct);
        Assert.NotNull(kept);
        Assert.Equal(Stored(draft), Stored(kept.Definition));
    }

    [Fact]
    public async Task PublishAsync_DraftSaved_DraftCleared()
    {
        var first = Definition(Token());
        var basedOn = await PublishAsync(first, Now);
        var draft = Revised(first, $"receipt {Token()}");
        await Routing.SaveDraftAsync(draft, basedOn, Lead, Now.AddMinutes(1), Ct);

        Assert.Null((await Routing.PublishAsync(draft, basedOn, "From the draft", Lead, Now.AddMinutes(2), Ct)).Refusal);

        Assert.Null(await Routing.DraftAsync(Ct));
    }

    // --- Draft ---

    [Fact]
    public async Task SaveDraftAsync_ThenDraftAsync_RoundTrips()
    {
        var first = Definition(Token());
        var basedOn = await PublishAsync(first, Now);
        var draft = Revised(first, $"reverse charge {Token()}");

        await Routing.SaveDraftAsync(draft, basedOn, Lead, Now.AddMinutes(5), Ct);

        var saved = await Routing.DraftAsync(Ct);
        Assert.NotNull(saved);
        Assert.Equal(Stored(draft), Stored(saved.Definition));
        Assert.Equal((basedOn, Lead, Now.AddMinutes(5)), (saved.BasedOnVersion, saved.UpdatedBy, saved.UpdatedAt));
    }

    [Fact]
    public async Task SaveDraftAsync_FirstSave_AuditedWithChangesSinceActiveVersion()
    {
        var phrase = $"tax id {Token()}";
        var first = Definition(Token());
        var basedOn = await PublishAsync(first, Now);
        await Routing.DiscardDraftAsync(Lead, Now, Ct);

        await Routing.SaveDraftAsync(Revised(first, phrase), basedOn, Lead, Now.AddMinutes(5), Ct);

        var entry = (await Audit.EntriesAsync("routing.draft-saved", "routing", Ct))[0];
        Assert.Equal((Lead, Now.AddMinutes(5)), (entry.Actor, entry.At));
        var details = RoutingSeed.Data(entry.Details);
        Assert.Equal(basedOn, details.GetProperty("basedOn").GetInt32());
        Assert.Equal(RevisionChanges(phrase), RoutingSeed.Strings(details.GetProperty("changes")));
    }

    [Fact]
    public async Task SaveDraftAsync_SecondSave_ReplacesDraftAndAuditsOnlyWhatChangedSinceFirstSave()
    {
        var first = Definition(Token());
        var basedOn = await PublishAsync(first, Now);
        var draft = Revised(first, $"po number {Token()}");
        await Routing.SaveDraftAsync(draft, basedOn, Lead, Now.AddMinutes(1), Ct);
        var perOpenIssue = draft.Weights.PerOpenIssue;
        var again = draft with { Weights = draft.Weights with { PerOpenIssue = perOpenIssue + 5 } };

        await Routing.SaveDraftAsync(again, basedOn, OtherLead, Now.AddMinutes(2), Ct);

        var saved = await Routing.DraftAsync(Ct);
        Assert.NotNull(saved);
        Assert.Equal(Stored(again), Stored(saved.Definition));
        Assert.Equal(OtherLead, saved.UpdatedBy);
        var entry = (await Audit.EntriesAsync("routing.draft-saved", "routing", Ct))[0];
        Assert.Equal(OtherLead, entry.Actor);
        Assert.Equal([$"Complexity weight per open issue: {perOpenIssue} → {perOpenIssue + 5}."], RoutingSeed.Strings(RoutingSeed.Data(entry.Details).GetProperty("changes")));
    }

    [Fact]
    public async Task DiscardDraftAsync_SavedDraft_GoneAndAudited()
    {
        var first = Definition(Token());
        var basedOn = await PublishAsync(first, Now);
        await Routing.SaveDraftAsync(Revised(first, $"quote {Token()}"), basedOn, Lead, Now.AddMinutes(1), Ct);
        var discardsBefore = (await Audit.EntriesAsync("routing.draft-discarded", "routing", Ct)).Count;

        await Routing.DiscardDraftAsync(OtherLead, Now.AddMinutes(2), Ct);

        Assert.Null(await Routing.DraftAsync(Ct));
        var discards = await Audit.EntriesAsync("routing.draft-discarded", "routing", Ct);
        Assert.Equal(discardsBefore + 1, discards.Count);
        Assert.Equal((OtherLead, Now.AddMinutes(2)), (discards[0].Actor, discards[0].At));
    }

    [Fact]
    public async Task DiscardDraftAsync_NoDraft_NothingAudited()
    {
        await Routing.DiscardDraftAsync(Lead, Now, Ct);
        var discardsBefore = (await Audit.EntriesAsync("routing.draft-discarded", "routing", Ct)).Count;

        await Routing.DiscardDraftAsync(Lead, Now.AddMinutes(1), Ct);

        Assert.Equal(discardsBefore, (await Audit.EntriesAsync("routing.draft-discarded", "routing", Ct)).Count);
    }

    // --- RollbackAsync ---

    [Fact]
    public async Task RollbackAsync_EarlierVersion_CopyPublishedAsNextVersion()
    {
        var phrase = $"overdue {Token()}";
        var first = Definition(Token());
        var earlier = await PublishAsync(first, Now);
        var live = await PublishAsync(Revised(first, phrase), Now.AddMinutes(1));

        var outcome = await Routing.RollbackAsync(earlier, OtherLead, Now.AddMinutes(2), Ct);

        Assert.Null(outcome.Refusal);
        Assert.Equal(live + 1, outcome.Version);
        IReadOnlyList<string> undone =
        [
            $"Rule “API specialists” renamed to “{RoutingSeed.ApiRuleName}”.",
            $"Billing phrases removed: “{phrase}”.",
            $"Complexity weight per integration: {PerIntegration + 3} → {PerIntegration}.",
        ];
        Assert.Equal(undone, outcome.Changes);
        var active = await Routing.ActiveAsync(Ct);
        Assert.NotNull(active);
        Assert.Equal(live + 1, active.Version);
        Assert.Equal(Stored(first), Stored(active.Definition));
        Assert.Equal($"Rolled back to version {earlier}.", active.Comment);
        Assert.Equal(undone, active.Changes);
        Assert.Equal((OtherLead, Now.AddMinutes(2)), (active.PublishedBy, active.PublishedAt));
        Assert.Equal([live + 1, live, earlier], (await Routing.VersionsAsync(Ct)).Take(3).Select(v => v.Version));
    }

    [Fact]
    public async Task RollbackAsync_EarlierVersion_Audited()
    {
        var first = Definition(Token());
        var earlier = await PublishAsync(first, Now);
        await PublishAsync(Revised(first, $"chargeback {Token()}"), Now.AddMinutes(1));

        var outcome = await Routing.RollbackAsync(earlier, OtherLead, Now.AddMinutes(2), Ct);

        var entry = Assert.Single(await Audit.EntriesAsync("routing.rolled-back", $"routing v{outcome.Version}", Ct));
        Assert.Equal((OtherLead, Now.AddMinutes(2)), (entry.Actor, entry.At));
        var details = RoutingSeed.Data(entry.Details);
        Assert.Equal(outcome.Version, details.GetProperty("version").GetInt32());
        Assert.Equal(earlier, details.GetProperty("toVersion").GetInt32());
        Assert.Equal(outcome.Changes, RoutingSeed.Strings(details.GetProperty("changes")));
    }

    [Fact]
    public async Task RollbackAsync_LiveVersion_RefusedAndNothingStored()
    {
        var live = await PublishAsync(Definition(Token()), Now);

        var outcome = await Routing.RollbackAsync(live, Lead, Now.AddMinutes(1), Ct);

        Assert.Null(outcome.Version);
        Assert.Equal($"Version {live} is already live.", outcome.Refusal);
        Assert.Empty(outcome.Changes);
        Assert.Equal(live, await Routing.ActiveVersionAsync(Ct));
        Assert.Empty(await Audit.EntriesAsync("routing.rolled-back", $"routing v{live + 1}", Ct));
    }

    [Fact]
    public async Task RollbackAsync_UnknownVersion_RefusedAndNothingStored()
    {
        var live = await PublishAsync(Definition(Token()), Now);

        var outcome = await Routing.RollbackAsync(live + 100, Lead, Now.AddMinutes(1), Ct);

        Assert.Null(outcome.Version);
        Assert.Equal($"There is no version {live + 100}.", outcome.Refusal);
        Assert.Empty(outcome.Changes);
        Assert.Equal(live, await Routing.ActiveVersionAsync(Ct));
        Assert.Empty(await Audit.EntriesAsync("routing.rolled-back", $"routing v{live + 1}", Ct));
    }
}
