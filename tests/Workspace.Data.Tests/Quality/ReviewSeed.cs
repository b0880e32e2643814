using Workspace.Data.Conversations;
using Workspace.Data.Database;
using Workspace.Data.Quality;
using Workspace.Data.Tests.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Domain.Quality;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Quality;

/// <summary>Scorecards, reviewers and handled conversations for the review and feedback contracts; keys are unique per test.</summary>
public sealed class ReviewSeed(Db db)
{
    public const string Actor = "qa@tests.local";

    public static Scorecard Card(string key) => new(key, "Support quality",
    [
        new ScorecardCriterion("tone", "Tone", null, 1, 4),
        new ScorecardCriterion("resolution", "Correct resolution", null, 3, 4),
        new ScorecardCriterion("process", "Followed process", null, 2, 2, AllowNotApplicable: true),
    ]);

    public WorkspaceSeed Workspace { get; } = new(db);

    public ConversationRepository Conversations { get; } = new(db);

    /// <summary>A published scorecard of this test (version 1).</summary>
    public async Task<Scorecard> ScorecardAsync(DateTimeOffset now, CancellationToken ct)
    {
        var card = Card($"card_{Guid.NewGuid():N}");
        Assert.Equal(1, (await new ScorecardRepository(db).PublishAsync(card, null, "lead@tests.local", now, ct)).Version);
        return card;
    }

    public Task<SeededStaff> ReviewerAsync(DateTimeOffset now, CancellationToken ct) => Workspace.StaffAsync("Quinn Reviewer", [Role.QA], now, ct);

    /// <summary>An agent's reply, from a template version when one is given.</summary>
    public async Task ReplyAsync(long conversationId, long agentId, DateTimeOffset at, CancellationToken ct, string? templateKey = null, int? version = null, bool edited = false) =>
        Assert.True((await Conversations.AppendAsync(conversationId,
            new NewMessage(AuthorKind.Agent, agentId, WorkspaceSeed.NewClientId(), "Here is what to do.", templateKey, version, edited), at, ct)).Created);

    public async Task ResolveAsync(long conversationId, long actorId, DateTimeOffset at, CancellationToken ct)
    {
        var current = (await Conversations.GetAsync(conversationId, ct))!;
        Assert.True(await Conversations.SetStatusAsync(conversationId, current.Status, ConversationStatus.Resolved, null, "resolved", actorId, null, at, ct));
    }

    /// <summary>All three criteria scored (the process one not applicable when <paramref name="process"/> is null).</summary>
    public static ReviewInput Answers(int tone, int resolution, int? process, params ReviewFlag[] flags) => new(
        [CriterionAnswer.Scored("tone", tone), CriterionAnswer.Scored("resolution", resolution), new CriterionAnswer("process", process)],
        "Checked against the playbook.", flags);

    public static ReviewToSave Save(long conversationId, long reviewerId, Scorecard card, ReviewInput input, long? wrongRoutingTeamId = null) =>
        new(conversationId, reviewerId, card.Key, 1, input, ScoreCalculator.Total(card, input).Percent, wrongRoutingTeamId);
}
