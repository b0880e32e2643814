using Workspace.Domain.Customers;
using Workspace.Domain.Routing;
using Workspace.Domain.Templates;

namespace Workspace.Domain.Tests.Templates;

public class TemplateSuggestionsTests
{
    private static readonly string[] NoSegments = [];

    private static (TemplateDefinition, int) Template(string name, Intent[]? intents = null, LifecycleStage[]? stages = null, string? channel = null,
        string[]? segments = null, int version = 1) =>
        (new TemplateDefinition(name.ToLowerInvariant().Replace(' ', '-'), name, intents ?? [], stages ?? [], channel, [], TemplateTone.Concise,
            "Hi {{ customer.first_name }}", segments), version);

    private static IReadOnlyList<TemplateSuggestion> Rank(IEnumerable<(TemplateDefinition, int)> templates, Intent? intent = null, LifecycleStage? stage = null,
        IReadOnlyCollection<string>? segments = null, string? channel = "Chat", int take = 5) =>
        TemplateSuggestions.Rank(templates, intent, stage, segments ?? NoSegments, channel, take);

    private static string[] Names(IReadOnlyList<TemplateSuggestion> suggestions) => [.. suggestions.Select(s => s.Template.Name)];

    [Fact]
    public void Rank_IntentStageAndGeneric_IntentFirstThenStageThenGeneric()
    {
        var ranked = Rank(
            [Template("Generic"), Template("For adoption", stages: [LifecycleStage.Adoption]), Template("For billing", intents: [Intent.Billing])],
            Intent.Billing, LifecycleStage.Adoption);

        Assert.Equal(["For billing", "For adoption", "Generic"], Names(ranked));
        Assert.Equal([TemplateSuggestions.IntentPoints, TemplateSuggestions.StagePoints, 0], ranked.Select(s => s.Score));
    }

    [Fact]
    public void Rank_IntentAndStageMatched_ScoresAddUpAndOutrankIntentAlone()
    {
        var ranked = Rank(
            [Template("Billing only", intents: [Intent.Billing]), Template("Billing in adoption", intents: [Intent.Billing], stages: [LifecycleStage.Adoption])],
            Intent.Billing, LifecycleStage.Adoption);

        Assert.Equal(["Billing in adoption", "Billing only"], Names(ranked));
        Assert.Equal(TemplateSuggestions.IntentPoints + TemplateSuggestions.StagePoints, ranked[0].Score);
        Assert.Equal(["intent Billing", "customer in Adoption"], ranked[0].Reasons);
        Assert.Equal("intent Billing; customer in Adoption", ranked[0].Reason);
    }

    [Fact]
    public void Rank_OtherIntentOrStage_ScoresNothing()
    {
        var ranked = Rank([Template("Outage", intents: [Intent.Outage], stages: [LifecycleStage.Retention])], Intent.Billing, LifecycleStage.Adoption);

        var only = Assert.Single(ranked);
        Assert.Equal(0, only.Score);
        Assert.Empty(only.Reasons);
        Assert.Equal("general purpose", only.Reason);
    }

    [Fact]
    public void Rank_NoIntentDetectedAndNoStage_EveryTemplateGeneric()
    {
        var ranked = Rank([Template("B billing", intents: [Intent.Billing]), Template("A onboarding", stages: [LifecycleStage.Onboarding])]);

        Assert.Equal(["A onboarding", "B billing"], Names(ranked));
        Assert.All(ranked, s => Assert.Equal(0, s.Score));
    }

    [Fact]
    public void Rank_SegmentsTheCustomerIsIn_AddPointsPerSegmentWithTheirNames()
    {
        var ranked = Rank(
            [
                Template("Generic"),
                Template("Two segments", segments: ["new-and-stuck", "emea", "not-in"]),
                Template("One segment", segments: ["emea"]),
            ],
            segments: ["emea", "new-and-stuck"]);

        Assert.Equal(["Two segments", "One segment", "Generic"], Names(ranked));
        Assert.Equal(2 * TemplateSuggestions.SegmentPoints, ranked[0].Score);
        Assert.Equal("segment new-and-stuck; segment emea", ranked[0].Reason);
        Assert.Equal(TemplateSuggestions.SegmentPoints, ranked[1].Score);
    }

    [Fact]
    public void Rank_StageAndTwoSegments_OutrankIntentAlone()
    {
        // Points add up: a stage (2) and two segments (2 + 2) beat the intent (3) on its own.
        var ranked = Rank(
            [Template("Intent", intents: [Intent.HowTo]), Template("Stage and segments", stages: [LifecycleStage.Onboarding], segments: ["a", "b"])],
            Intent.HowTo, LifecycleStage.Onboarding, ["a", "b"]);

        Assert.Equal(["Stage and segments", "Intent"], Names(ranked));
        Assert.Equal("customer in Onboarding; segment a; segment b", ranked[0].Reason);
    }

    [Fact]
    public void Rank_TemplateForAnotherChannel_LeftOut()
    {
        var ranked = Rank([Template("Email only", intents: [Intent.Billing], channel: "Email"), Template("Any channel")], Intent.Billing, channel: "Chat");

        Assert.Equal(["Any channel"], Names(ranked));
    }

    [Fact]
    public void Rank_TemplateForThisChannel_KeptWhateverTheCase()
    {
        var ranked = Rank([Template("Chat only", channel: "chat")], channel: "Chat");

        Assert.Equal(["Chat only"], Names(ranked));
    }

    [Fact]
    public void Rank_NoChannelKnown_ChannelTemplatesKept()
    {
        var ranked = Rank([Template("Email only", channel: "Email")], channel: null);

        Assert.Equal(["Email only"], Names(ranked));
    }

    [Fact]
    public void Rank_EqualScores_OrderedByNameOrdinally()
    {
        var ranked = Rank([Template("b second"), Template("C upper"), Template("a first"), Template("B upper")]);

        // Ordinal: upper case sorts before lower case.
        Assert.Equal(["B upper", "C upper", "a first", "b second"], Names(ranked));
    }

    [Fact]
    public void Rank_SameTemplatesInAnotherOrder_SameRanking()
    {
        (TemplateDefinition, int)[] templates =
            [Template("Zeta", intents: [Intent.Bug]), Template("Alpha"), Template("Mid", stages: [LifecycleStage.Maturity]), Template("Beta", intents: [Intent.Bug])];

        var forward = Rank(templates, Intent.Bug, LifecycleStage.Maturity);
        var backward = Rank(Enumerable.Reverse(templates), Intent.Bug, LifecycleStage.Maturity);

        Assert.Equal(["Beta", "Zeta", "Mid", "Alpha"], Names(forward));
        Assert.Equal(Names(forward), Names(backward));
    }

    [Fact]
    public void Rank_MoreThanTake_KeepsTheBestOnly()
    {
        var templates = Enumerable.Range(1, 8).Select(i => Template($"Generic {i}")).Append(Template("Billing", intents: [Intent.Billing])).ToList();

        var defaultTake = Rank(templates, Intent.Billing);
        var three = Rank(templates, Intent.Billing, take: 3);

        Assert.Equal(["Billing", "Generic 1", "Generic 2", "Generic 3", "Generic 4"], Names(defaultTake));
        Assert.Equal(["Billing", "Generic 1", "Generic 2"], Names(three));
    }

    [Fact]
    public void Rank_Suggestion_CarriesTheTemplatesVersion()
    {
        var ranked = Rank([Template("Versioned", version: 4)]);

        Assert.Equal(4, Assert.Single(ranked).Version);
    }

    [Fact]
    public void Rank_NoTemplates_Empty() => Assert.Empty(Rank([], Intent.Billing, LifecycleStage.Adoption));
}
