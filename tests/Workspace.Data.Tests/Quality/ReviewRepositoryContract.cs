using Workspace.Data.Audit;
using Workspace.Data.Customers;
using Workspace.Data.Quality;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Customers;
using Workspace.Domain.Quality;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Quality;

/// <summary>Reviews on every provider: one per conversation and reviewer, stored whole with their flags, and what the checks and the queue read.</summary>
public abstract class ReviewRepositoryContract : DatabaseTest
{
    private ReviewRepository Reviews => new(Db);

    private ReviewSeed Seed => new(Db);

    [Fact]
    public async Task Save_ThenSaveAgain_ReplacesTheReviewAndItsFlagsAndAuditsBoth()
    {
        var seed = Seed;
        var card = await seed.ScorecardAsync(Now, Ct);
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var (_, otherTeamName) = await seed.Workspace.TeamAsync("Billing", Now, Ct);
        var agent = await seed.Workspace.AgentAsync("Alex Morgan", [team], Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);
        var conversation = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);
        Assert.True((await seed.Conversations.ClaimAsync(conversation.Id, agent.Id, Now.AddHours(-2), Ct)).Done);
        var key = Unique("tpl");
        await seed.ReplyAsync(conversation.Id, agent.Id, Now.AddHours(-1), Ct, key, 2);

        var first = await Reviews.SaveAsync(ReviewSeed.Save(conversation.Id, reviewer.Id, card,
            ReviewSeed.Answers(4, 2, null, new WrongRouting(otherTeamName, "Billing question"), new TemplateMisfit(key, 2, "Wrong tone"))), ReviewSeed.Actor, Now, Ct);
        var second = await Reviews.SaveAsync(ReviewSeed.Save(conversation.Id, reviewer.Id, card, ReviewSeed.Answers(4, 4, 2), null), ReviewSeed.Actor, Now.AddMinutes(5), Ct);

        Assert.True(first.Saved);
        Assert.False(first.Replaced);
        Assert.Equal(first.ReviewId, second.ReviewId);
        Assert.True(second.Replaced);
        var stored = Assert.Single(await Reviews.ForConversationAsync(conversation.Id, Ct));
        Assert.Equal("Quinn Reviewer", stored.ReviewerName);
        Assert.Equal(agent.Id, stored.AgentId);
        Assert.Equal(100m, stored.Score);
        Assert.Equal([2, 4, 4], stored.Answers.Select(a => a.Score ?? 0).Order());
        Assert.Null(stored.WrongRoutingTeamId);
        Assert.Empty(stored.Misfits);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(Now.AddMinutes(5), stored.UpdatedAt);
        var log = new AuditLog(Db);
        Assert.Single(await log.EntriesAsync("review.created", $"conversation {conversation.Id}", Ct));
        Assert.Single(await log.EntriesAsync("review.replaced", $"conversation {conversation.Id}", Ct));
    }

    [Fact]
    public async Task Save_WithFlags_StoresTheTeamAndMisfitsWithTheirNotes()
    {
        var seed = Seed;
        var card = await seed.ScorecardAsync(Now, Ct);
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var (billing, billingName) = await seed.Workspace.TeamAsync("Billing", Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);
        var conversation = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);
        var key = Unique("tpl");

        var input = ReviewSeed.Answers(2, 3, null, new WrongRouting(billingName, " Billing question "), new TemplateMisfit(key, 1, "Too long"));
        await Reviews.SaveAsync(ReviewSeed.Save(conversation.Id, reviewer.Id, card, input, billing), ReviewSeed.Actor, Now, Ct);

        var stored = Assert.Single(await Reviews.ForConversationAsync(conversation.Id, Ct));
        Assert.Equal(billing, stored.WrongRoutingTeamId);
        Assert.Equal(billingName, stored.WrongRoutingTeamName);
        Assert.Equal("Billing question", stored.WrongRoutingNote);
        Assert.Equal([new TemplateMisfit(key, 1, "Too long")], stored.Misfits);
        Assert.Null(stored.AgentId);
        // Tone 2/4 × 1 + resolution 3/4 × 3 over weights 4 (process not applicable): 68.75 → 68.8.
        Assert.Equal(68.8m, stored.Score);
        Assert.True(Assert.Single(stored.Answers, a => a.CriterionId == "process").IsNotApplicable);
    }

    [Fact]
    public async Task Save_FailingPartWay_StoresNothing()
    {
        var seed = Seed;
        var card = await seed.ScorecardAsync(Now, Ct);
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);
        var conversation = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);
        // The same misfit twice passes no validation; here it makes the second flag's insert fail after the review's.
        var input = ReviewSeed.Answers(2, 3, null, new TemplateMisfit("welcome", 1), new TemplateMisfit("welcome", 1));

        await Assert.ThrowsAnyAsync<Exception>(() => Reviews.SaveAsync(new ReviewToSave(conversation.Id, reviewer.Id, card.Key, 1, input, 50m, null), ReviewSeed.Actor, Now, Ct));

        Assert.Empty(await Reviews.ForConversationAsync(conversation.Id, Ct));
        Assert.Empty(await new AuditLog(Db).EntriesAsync("review.created", $"conversation {conversation.Id}", Ct));
    }

    [Fact]
    public async Task Save_UnknownConversation_Refused()
    {
        var seed = Seed;
        var card = await seed.ScorecardAsync(Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);

        var outcome = await Reviews.SaveAsync(ReviewSeed.Save(long.MaxValue, reviewer.Id, card, ReviewSeed.Answers(1, 1, 1)), ReviewSeed.Actor, Now, Ct);

        Assert.False(outcome.Saved);
        Assert.Equal($"Conversation {long.MaxValue} does not exist.", outcome.Refusal);
    }

    [Fact]
    public async Task ForConversation_TwoReviewers_BothListedNewestFirst()
    {
        var seed = Seed;
        var card = await seed.ScorecardAsync(Now, Ct);
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var first = await seed.ReviewerAsync(Now, Ct);
        var second = await seed.Workspace.StaffAsync("Robin Lead", [Role.Lead], Now, Ct);
        var conversation = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);

        await Reviews.SaveAsync(ReviewSeed.Save(conversation.Id, first.Id, card, ReviewSeed.Answers(4, 4, null)), ReviewSeed.Actor, Now, Ct);
        await Reviews.SaveAsync(ReviewSeed.Save(conversation.Id, second.Id, card, ReviewSeed.Answers(0, 0, 0)), "lead@tests.local", Now.AddMinutes(1), Ct);

        var reviews = await Reviews.ForConversationAsync(conversation.Id, Ct);
        Assert.Equal(["Robin Lead", "Quinn Reviewer"], reviews.Select(r => r.ReviewerName));
        Assert.Equal([0m, 100m], reviews.Select(r => r.Score!.Value));
    }

    [Fact]
    public async Task Facts_AnsweredFromATemplateAfterProductEvents_ReadsEveryCheckInput()
    {
        var seed = Seed;
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var agent = await seed.Workspace.AgentAsync("Alex Morgan", [team], Now, Ct);
        var customer = await seed.Workspace.CustomerAsync(Now.AddDays(-3), Ct);
        await new CustomerRepository(Db).AddEventsAsync(customer,
            [new CustomerEvent(Unique("evt"), EventKind.Login, "login", Now.AddDays(-1), new Dictionary<string, string>())], Now.AddDays(-1), Ct);
        var opened = Now.AddHours(-2);
        var conversation = await seed.Workspace.OpenAsync(team, opened, Ct, customerId: customer);
        Assert.True((await seed.Conversations.ClaimAsync(conversation.Id, agent.Id, opened.AddMinutes(1), Ct)).Done);
        await seed.ReplyAsync(conversation.Id, agent.Id, opened.AddMinutes(5), Ct, "welcome", 1);
        await seed.ResolveAsync(conversation.Id, agent.Id, opened.AddMinutes(30), Ct);
        Assert.True(await seed.Conversations.RateAsync(conversation.Id, 4, opened.AddMinutes(31), Ct));

        var facts = await Reviews.FactsAsync(conversation.Id, Ct);

        Assert.Equal(new ReviewedConversationFacts(opened, opened.AddMinutes(5), opened.AddMinutes(30), opened + WorkspaceSeed.FirstResponseTarget,
            4, Assigned: true, Reassignments: 0, AgentMessages: 1, UsedTemplate: true, SignalShown: true), facts);
        Assert.All(AutomaticChecks.For(facts!, Now), check => Assert.True(check.Passed, check.Reason));
    }

    [Fact]
    public async Task Facts_UnassignedCustomerWithoutData_NoSignalAndNotAssigned()
    {
        var seed = Seed;
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var conversation = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);

        var facts = await Reviews.FactsAsync(conversation.Id, Ct);

        Assert.NotNull(facts);
        Assert.False(facts.Assigned);
        Assert.False(facts.SignalShown);
        Assert.Equal(0, facts.AgentMessages);
        Assert.Null(await Reviews.FactsAsync(long.MaxValue, Ct));
    }

    [Fact]
    public async Task TemplatesUsed_AgentMessagesOnly_EachVersionOnceWithItsUses()
    {
        var seed = Seed;
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var agent = await seed.Workspace.AgentAsync("Alex Morgan", [team], Now, Ct);
        var conversation = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);
        Assert.True((await seed.Conversations.ClaimAsync(conversation.Id, agent.Id, Now.AddHours(-2), Ct)).Done);
        await seed.ReplyAsync(conversation.Id, agent.Id, Now.AddMinutes(-50), Ct, "welcome", 1);
        await seed.ReplyAsync(conversation.Id, agent.Id, Now.AddMinutes(-40), Ct, "welcome", 1, edited: true);
        await seed.ReplyAsync(conversation.Id, agent.Id, Now.AddMinutes(-30), Ct, "refund", 3);
        await seed.ReplyAsync(conversation.Id, agent.Id, Now.AddMinutes(-20), Ct);

        var used = await Reviews.TemplatesUsedAsync(conversation.Id, Ct);

        Assert.Equal([new ReviewTemplateUse("refund", 3, 1), new ReviewTemplateUse("welcome", 1, 2)], used);
    }

    [Fact]
    public async Task QueueCandidates_ResolvedWithAnAssigneeInThePeriod_WithWhetherReviewed()
    {
        var seed = Seed;
        var card = await seed.ScorecardAsync(Now, Ct);
        var (team, _) = await seed.Workspace.TeamAsync("Support", Now, Ct);
        var agent = await seed.Workspace.AgentAsync("Alex Morgan", [team], Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);
        async Task<long> HandledAsync(DateTimeOffset resolvedAt, bool assign = true)
        {
            var conversation = await seed.Workspace.OpenAsync(team, resolvedAt.AddHours(-1), Ct);
            if (assign)
            {
                Assert.True((await seed.Conversations.ClaimAsync(conversation.Id, agent.Id, resolvedAt.AddMinutes(-50), Ct)).Done);
            }
            await seed.ResolveAsync(conversation.Id, agent.Id, resolvedAt, Ct);
            return conversation.Id;
        }
        var from = Now.AddDays(-7);
        var reviewed = await HandledAsync(Now.AddDays(-1));
        var waiting = await HandledAsync(Now.AddDays(-2));
        var before = await HandledAsync(Now.AddDays(-8));
        var unassigned = await HandledAsync(Now.AddDays(-1), assign: false);
        var open = await seed.Workspace.OpenAsync(team, Now.AddDays(-1), Ct);
        await Reviews.SaveAsync(ReviewSeed.Save(reviewed, reviewer.Id, card, ReviewSeed.Answers(1, 1, 1)), ReviewSeed.Actor, Now, Ct);

        var candidates = (await Reviews.QueueCandidatesAsync(from, Now, Ct)).Select(c => c.Candidate).Where(c => c.AgentId == agent.Id).ToList();

        Assert.Equal([(reviewed, true), (waiting, false)], candidates.OrderBy(c => c.ConversationId).Select(c => (c.ConversationId, c.Reviewed)));
        Assert.Equal(Now.AddDays(-2), candidates.Single(c => c.ConversationId == waiting).ResolvedAt);
        Assert.DoesNotContain(await Reviews.QueueCandidatesAsync(from, Now, Ct), c => c.Candidate.ConversationId == before || c.Candidate.ConversationId == unassigned || c.Candidate.ConversationId == open.Id);
    }
}
