using Workspace.Data.Audit;
using Workspace.Data.Quality;
using Workspace.Domain.Quality;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Qa.Reviews;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Qa.Reviews;

/// <summary>Who may score and define scorecards, and what invalid reviews are told, against the real app on the demo data.</summary>
public sealed class ReviewServiceTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReviewService Reviews => app.Service<ReviewService>();

    private static ReviewInput Demo(int? process, int resolution = 3, params ReviewFlag[] flags) => new(
    [
        CriterionAnswer.Scored("greeting-tone", 3), CriterionAnswer.Scored("understood-problem", 2), CriterionAnswer.Scored("used-context", 4),
        CriterionAnswer.Scored("correct-resolution", resolution), new CriterionAnswer("followed-process", process),
    ], null, flags);

    private static Scorecard Card(string key, int weight = 2) => new(key, "Test card", [new ScorecardCriterion("tone", "Tone", null, weight, 3)]);

    private async Task<IReadOnlyList<AuditEntry>> RefusalsAsync(string actor, string action)
    {
        var (rows, _) = await app.Service<AuditLog>().PageAsync("access.refused", 0, 500, Ct);
        return [.. rows.Where(r => r.Actor == actor && r.Target == action)];
    }

    [Fact]
    public async Task Save_Qa_StoresTheTotalWithNotApplicableLeftOut()
    {
        var (conversation, _) = await app.OpenRoutedAsync();
        var (_, qa) = await app.StaffAsync(Role.QA);

        var saved = await Reviews.SaveAsync(qa, conversation, ReviewTestWorld.DemoScorecard, 1, Demo(process: null), Ct);

        Assert.True(saved.Succeeded, saved.Refusal);
        // (1×3/3 + 2×2/4 + 2×4/4 + 3×3/4) ÷ 8 × 100 = 78.125 → 78.1; "followed process" (weight 1) is left out.
        Assert.Equal(78.1m, saved.Value!.Score.Percent);
        Assert.Equal(78.1m, Assert.Single(await app.Service<ReviewRepository>().ForConversationAsync(conversation, Ct)).Score);
    }

    [Fact]
    public async Task Save_LeadWhoRepliedThenHandedItOn_RefusedAsTheirOwnWork()
    {
        var (conversation, _) = await app.OpenRoutedAsync();
        var (lead, principal) = await app.StaffAsync(Role.Lead);
        await app.ReplyFromTemplateAsync(conversation, lead.Id, ReviewTestWorld.UniqueTemplate(), 1);
        var (_, qa) = await app.StaffAsync(Role.QA);

        var own = await Reviews.SaveAsync(principal, conversation, ReviewTestWorld.DemoScorecard, 1, Demo(process: 2), Ct);
        var workspace = await Reviews.WorkspaceAsync(principal, conversation, Ct);
        var other = await Reviews.SaveAsync(qa, conversation, ReviewTestWorld.DemoScorecard, 1, Demo(process: 2), Ct);

        Assert.Equal("You handled this conversation, so someone else reviews it.", own.Refusal);
        Assert.Equal("You handled this conversation, so someone else reviews it.", workspace.Value!.CannotScore);
        Assert.True(other.Succeeded, other.Refusal);
        Assert.Single(await app.Service<ReviewRepository>().ForConversationAsync(conversation, Ct));
    }

    [Fact]
    public async Task Save_Agent_RefusedAuditedAndNothingStored()
    {
        var (conversation, _) = await app.OpenRoutedAsync();
        var (agent, principal) = await app.StaffAsync(Role.Agent);

        var saved = await Reviews.SaveAsync(principal, conversation, ReviewTestWorld.DemoScorecard, 1, Demo(process: 2), Ct);
        var read = await Reviews.WorkspaceAsync(principal, conversation, Ct);
        var queue = await Reviews.QueueAsync(principal, 4, 3, Ct);

        Assert.Equal("Only QA reviewers, leads and admins score conversations.", saved.Refusal);
        Assert.NotNull(read.Refusal);
        Assert.NotNull(queue.Refusal);
        Assert.Empty(await app.Service<ReviewRepository>().ForConversationAsync(conversation, Ct));
        Assert.Single(await RefusalsAsync(agent.Email, "review.save"));
    }

    [Fact]
    public async Task Save_ScoreAboveMaximumOrMissingAnswer_NamedPerCriterionAndNothingStored()
    {
        var (conversation, _) = await app.OpenRoutedAsync();
        var (_, qa) = await app.StaffAsync(Role.QA);
        var missing = new ReviewInput([CriterionAnswer.Scored("greeting-tone", 2)], null, []);

        var tooHigh = await Reviews.SaveAsync(qa, conversation, ReviewTestWorld.DemoScorecard, 1, Demo(process: 2, resolution: 9), Ct);
        var incomplete = await Reviews.SaveAsync(qa, conversation, ReviewTestWorld.DemoScorecard, 1, missing, Ct);

        Assert.Equal(["“Correct resolution” is scored from 0 to 4 (got 9)."], tooHigh.Errors["answers.correct-resolution"]);
        Assert.Equal(["“Correct resolution” has no score."], incomplete.Errors["answers.correct-resolution"]);
        Assert.Equal(["“Followed process” has no answer; score it or mark it not applicable."], incomplete.Errors["answers.followed-process"]);
        Assert.Empty(await app.Service<ReviewRepository>().ForConversationAsync(conversation, Ct));
    }

    [Fact]
    public async Task Save_FlagsNamingNoTeamOrATemplateNotSent_RefusedPerFlag()
    {
        var (conversation, _) = await app.OpenRoutedAsync();
        var (_, qa) = await app.StaffAsync(Role.QA);

        var outcome = await Reviews.SaveAsync(qa, conversation, ReviewTestWorld.DemoScorecard, 1,
            Demo(2, 3, new WrongRouting("No Such Team"), new TemplateMisfit(ReviewTestWorld.UniqueTemplate(), 1)), Ct);

        Assert.Equal(["There is no team “No Such Team”."], outcome.Errors["flags.correctTeam"]);
        Assert.Contains("was not sent in this conversation", Assert.Single(outcome.Errors["flags.templateKey"]), StringComparison.Ordinal);
        Assert.Empty(await app.Service<ReviewRepository>().ForConversationAsync(conversation, Ct));
    }

    [Fact]
    public async Task Save_StaleScorecardVersion_RefusedWithTheCurrentOne()
    {
        var (conversation, _) = await app.OpenRoutedAsync();
        var (_, qa) = await app.StaffAsync(Role.QA);
        var (_, lead) = await app.StaffAsync(Role.Lead);
        var key = $"test-{Guid.NewGuid():N}";
        Assert.Equal(1, (await Reviews.PublishScorecardAsync(lead, Card(key), null, Ct)).Value);
        Assert.Equal(2, (await Reviews.PublishScorecardAsync(lead, Card(key, weight: 3), 1, Ct)).Value);

        var outcome = await Reviews.SaveAsync(qa, conversation, key, 1, new ReviewInput([CriterionAnswer.Scored("tone", 3)], null, []), Ct);

        Assert.Equal("The scorecard “Test card” is now at version 2 (you scored version 1); reload it and score again.", outcome.Refusal);
    }

    [Fact]
    public async Task DefineScorecards_Qa_RefusedAndAudited_LeadPublishesAndRetires()
    {
        var (qaUser, qa) = await app.StaffAsync(Role.QA);
        var (_, lead) = await app.StaffAsync(Role.Lead);
        var key = $"test-{Guid.NewGuid():N}";

        var byQa = await Reviews.PublishScorecardAsync(qa, Card(key), null, Ct);
        var retireByQa = await Reviews.SetRetiredAsync(qa, ReviewTestWorld.DemoScorecard, true, Ct);
        var byLead = await Reviews.PublishScorecardAsync(lead, Card(key), null, Ct);
        var retired = await Reviews.SetRetiredAsync(lead, key, true, Ct);
        var (conversation, _) = await app.OpenRoutedAsync();
        var onRetired = await Reviews.SaveAsync(qa, conversation, key, 1, new ReviewInput([CriterionAnswer.Scored("tone", 3)], null, []), Ct);

        Assert.Equal("Only leads and admins define scorecards.", byQa.Refusal);
        Assert.Equal("Only leads and admins define scorecards.", retireByQa.Refusal);
        Assert.Single(await RefusalsAsync(qaUser.Email, "scorecard.publish"));
        Assert.Equal(1, byLead.Value);
        Assert.True(retired.Value);
        Assert.Equal("The scorecard “Test card” was retired; choose a current one.", onRetired.Refusal);
        Assert.DoesNotContain((await Reviews.WorkspaceAsync(qa, conversation, Ct)).Value!.Scorecards, s => s.Key == key);
    }

    [Fact]
    public async Task PublishScorecard_InvalidCriteria_ErrorsNamePerCriterion()
    {
        var (_, lead) = await app.StaffAsync(Role.Lead);
        var key = $"test-{Guid.NewGuid():N}";
        var card = new Scorecard(key, "Test card", [new ScorecardCriterion("tone", "Tone", null, 2, 3), new ScorecardCriterion("speed", "", null, 0, 11)]);

        var outcome = await Reviews.PublishScorecardAsync(lead, card, null, Ct);

        Assert.Equal(["Give criterion 2 a label."], outcome.Errors["criteria[1].label"]);
        Assert.Equal(["The weight must be from 1 to 100 (got 0)."], outcome.Errors["criteria[1].weight"]);
        Assert.Equal(["The highest score must be from 1 to 10 (got 11)."], outcome.Errors["criteria[1].maxScore"]);
        Assert.Empty((await Reviews.HistoryAsync(lead, key, Ct)).Value!);
    }
}
