using Workspace.Data.Conversations;
using Workspace.Data.Quality;
using Workspace.Data.Routing;
using Workspace.Data.Templates;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Routing;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Conversations;
using Workspace.Domain.Quality;

namespace Workspace.Data.Tests.Quality;

/// <summary>
/// Flags reflected in rule and template figures, on every provider. Rule ids and template keys are unique to the
/// test, so the figures hold in a database other tests share.
/// </summary>
public abstract class FeedbackQueriesContract : DatabaseTest
{
    private FeedbackQueries Feedback => new(Db, new RoutingRepository(Db), new TemplateRepository(Db));

    private ReviewSeed Seed => new(Db);

    /// <summary>
    /// Three conversations routed by this test's default rule and one by its outage rule: the first default one is
    /// flagged as wrong routing, the second transferred, the third left alone; the template is used in the first
    /// (flagged as a misfit there) and, edited, in the third.
    /// </summary>
    [Fact]
    public async Task Figures_WrongRoutingAndMisfitFlags_ReflectedInRuleAndTemplateFigures()
    {
        var seed = Seed;
        var token = Guid.NewGuid().ToString("N")[..8];
        var card = await seed.ScorecardAsync(Now, Ct);
        var (specialists, specialistsName) = await seed.Workspace.TeamAsync("Specialists", Now, Ct);
        var (general, generalName) = await seed.Workspace.TeamAsync("General", Now, Ct);
        var agent = await seed.Workspace.AgentAsync("Alex Morgan", [general, specialists], Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);
        var definition = RoutingSeed.Definition(specialistsName, generalName);
        definition = definition with { Rules = [.. definition.Rules.Select(r => r with { Id = $"{r.Id}-{token}", Name = $"{r.Name} {token}" })] };
        var routing = new RoutingRepository(Db);
        var published = await routing.PublishAsync(definition, await routing.ActiveVersionAsync(Ct), null, "lead@tests.local", Now.AddDays(-1), Ct);
        var version = published.Version!.Value;
        var teams = new Dictionary<string, long> { [specialistsName] = specialists, [generalName] = general };
        var conversations = new ConversationRepository(Db);
        async Task<long> RoutedAsync(string text, DateTimeOffset at)
        {
            var routed = RoutingSeed.Route(definition, version, RoutingSeed.Signals(text), teams);
            var customer = await seed.Workspace.CustomerAsync(at, Ct);
            var (conversation, _, _) = await conversations.OpenAsync(RoutingSeed.Conversation(customer, routed), at, Ct);
            Assert.True((await conversations.ClaimAsync(conversation.Id, agent.Id, at.AddMinutes(1), Ct)).Done);
            return conversation.Id;
        }
        var template = $"tpl_{token}";
        var flagged = await RoutedAsync(RoutingSeed.BillingText, Now.AddHours(-5));
        var transferred = await RoutedAsync(RoutingSeed.BillingText, Now.AddHours(-4));
        var clean = await RoutedAsync(RoutingSeed.BillingText, Now.AddHours(-3));
        await RoutedAsync("Everything is down, total outage for all our users!", Now.AddHours(-2));
        await seed.ReplyAsync(flagged, agent.Id, Now.AddHours(-5).AddMinutes(5), Ct, template, 1);
        await seed.ReplyAsync(clean, agent.Id, Now.AddHours(-3).AddMinutes(5), Ct, template, 1, edited: true);
        Assert.True((await conversations.TransferAsync(transferred, specialists, null, "Needs a specialist", agent.Id, Now.AddHours(-4).AddMinutes(10), Ct)).Done);
        var defaultRule = $"{RoutingSeed.DefaultRuleId}-{token}";
        var outageRule = $"{RoutingSeed.OutageRuleId}-{token}";
        var from = Now.AddDays(-1);

        var before = await Feedback.RuleAccuracyAsync(from, Now, Ct);
        Assert.Equal((3, 0, 1), Figures(before.Single(r => r.RuleId == defaultRule)));

        var input = ReviewSeed.Answers(2, 2, null, new WrongRouting(specialistsName, "Billing belongs to specialists here"), new TemplateMisfit(template, 1, "Wrong tone"));
        await new ReviewRepository(Db).SaveAsync(ReviewSeed.Save(flagged, reviewer.Id, card, input, specialists), ReviewSeed.Actor, Now.AddMinutes(-1), Ct);

        var rules = await Feedback.RuleAccuracyAsync(from, Now, Ct);
        var byDefault = rules.Single(r => r.RuleId == defaultRule);
        Assert.Equal((3, 1, 1), Figures(byDefault));
        Assert.Equal(1, byDefault.Accurate);
        Assert.Equal(1.0 / 3, byDefault.Accuracy!.Value, 6);
        Assert.Equal($"{RoutingSeed.DefaultRuleName} {token}", byDefault.RuleName);
        Assert.Equal("1 of 3 conversations neither flagged as wrong routing nor reassigned (1 flagged, 1 reassigned).", byDefault.Reason);
        Assert.Equal((1, 0, 0), Figures(rules.Single(r => r.RuleId == outageRule)));
        // The live ruleset's rules come first, in their order, even one that routed nothing in the period.
        Assert.Equal([outageRule, $"{RoutingSeed.ApiRuleId}-{token}", defaultRule], rules.Take(3).Select(r => r.RuleId));
        Assert.Equal(0, rules[1].Conversations);
        Assert.Null(rules[1].Accuracy);

        var templates = await Feedback.TemplateFeedbackAsync(from, Now, template, Ct);
        var version1 = Assert.Single(templates);
        Assert.Equal(new TemplateVersionFeedback(template, 1, 2, 1, 0.5, 1, "Edited in 1 of 2 uses; flagged as a misfit once."), version1);
        Assert.DoesNotContain(await Feedback.TemplateFeedbackAsync(Now.AddHours(-1), Now, template, Ct), t => t.Uses > 0);
    }

    [Fact]
    public async Task TemplateFigures_TwiceInOneFlaggedConversationAndAnAutomatedReply_OneFlagPerReview()
    {
        var seed = Seed;
        var template = $"tpl_{Guid.NewGuid().ToString("N")[..8]}";
        var card = await seed.ScorecardAsync(Now, Ct);
        var (team, _) = await seed.Workspace.TeamAsync("General", Now, Ct);
        var agent = await seed.Workspace.AgentAsync("Alex Morgan", [team], Now, Ct);
        var reviewer = await seed.ReviewerAsync(Now, Ct);
        var conversations = new ConversationRepository(Db);
        var twice = await seed.Workspace.OpenAsync(team, Now.AddHours(-3), Ct);
        await seed.ReplyAsync(twice.Id, agent.Id, Now.AddHours(-3).AddMinutes(5), Ct, template, 1);
        await seed.ReplyAsync(twice.Id, agent.Id, Now.AddHours(-3).AddMinutes(9), Ct, template, 1);
        var automated = await seed.Workspace.OpenAsync(team, Now.AddHours(-2), Ct);
        await conversations.AppendAsync(automated.Id, new NewMessage(AuthorKind.System, null, WorkspaceSeed.NewClientId(), "We are on it.", template, 2),
            Now.AddHours(-2).AddSeconds(1), Ct);
        var reviews = new ReviewRepository(Db);
        Assert.Contains(await reviews.TemplatesUsedAsync(automated.Id, Ct), u => u.TemplateKey == template && u.TemplateVersion == 2);

        await reviews.SaveAsync(ReviewSeed.Save(twice.Id, reviewer.Id, card, ReviewSeed.Answers(2, 2, null, new TemplateMisfit(template, 1, "Too formal"))),
            ReviewSeed.Actor, Now.AddMinutes(-2), Ct);
        await reviews.SaveAsync(ReviewSeed.Save(automated.Id, reviewer.Id, card, ReviewSeed.Answers(2, 2, null, new TemplateMisfit(template, 2, "Not an outage"))),
            ReviewSeed.Actor, Now.AddMinutes(-1), Ct);

        var figures = await Feedback.TemplateFeedbackAsync(Now.AddDays(-1), Now, template, Ct);

        Assert.Equal([(2, 0, 1), (1, 2, 1)], figures.Select(f => (f.Version, f.Uses, f.MisfitFlags)));
        Assert.Equal("Not sent by an agent in the period; flagged as a misfit once.", figures[0].Reason);
        Assert.Equal("Edited in 0 of 2 uses; flagged as a misfit once.", figures[1].Reason);
    }

    private static (int Conversations, int Flagged, int Reassigned) Figures(RuleAccuracy rule) => (rule.Conversations, rule.Flagged, rule.Reassigned);
}
