using Workspace.Domain.Validation;

namespace Workspace.Domain.Routing;

/// <summary>
/// Everything a lead edits and publishes as one version: the ordered rules, the intent phrase lists
/// and the complexity weights. A conversation's decision names the version, so what shaped it can
/// always be looked up.
/// </summary>
public sealed record RoutingDefinition(
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyDictionary<Intent, IReadOnlyList<string>> IntentPhrases,
    ComplexityWeights Weights)
{
    public const int MaxPhrasesPerIntent = 60;
    public const int MaxPhraseLength = 60;
    public const int MaxWeight = 100;

    /// <summary>A ruleset with only the default rule, for a workspace nobody has configured yet.</summary>
    public static RoutingDefinition Starter(string team) => new(
        [new RoutingRule("default", "Default", true, [], new RuleActions(team, [], Conversations.Priority.P3, null, null))],
        IntentDetector.DefaultPhrases, ComplexityWeights.Default);

    public ValidationErrors Validate(IReadOnlyCollection<string>? knownTeams, IReadOnlyCollection<string>? knownTemplates = null,
        IReadOnlyCollection<string>? knownSkills = null)
    {
        var errors = new Ruleset(0, Rules).Validate(knownTeams, knownTemplates, knownSkills);
        foreach (var intent in Enum.GetValues<Intent>())
        {
            var phrases = IntentPhrases.TryGetValue(intent, out var list) ? list : [];
            var at = $"intents.{intent}";
            if (phrases.Count > MaxPhrasesPerIntent)
            {
                errors.Add(at, $"{intent} has {phrases.Count} phrases; at most {MaxPhrasesPerIntent}.");
            }
            foreach (var phrase in phrases)
            {
                if (string.IsNullOrWhiteSpace(phrase))
                {
                    errors.Add(at, $"{intent} has an empty phrase.");
                }
                else if (phrase.Length > MaxPhraseLength)
                {
                    errors.Add(at, $"“{phrase[..20]}…” is longer than {MaxPhraseLength} characters.");
                }
            }
            foreach (var twice in phrases.GroupBy(p => p.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add(at, $"{intent} lists “{twice.Key}” twice.");
            }
        }
        var w = Weights;
        foreach (var (name, value) in WeightsOf(w))
        {
            if (value is < 0 or > MaxWeight)
            {
                errors.Add($"weights.{name}", $"The weight {name} must be between 0 and {MaxWeight}; it is {value}.");
            }
        }
        return errors;
    }

    /// <summary>Every weight by name, intents first: for validation, the editor and diffs.</summary>
    public static IEnumerable<(string Name, int Value)> WeightsOf(ComplexityWeights w) =>
        Enum.GetValues<Intent>().Select(i => ($"intent {i}", w.IntentWeights.TryGetValue(i, out var v) ? v : 0))
            .Concat([
                ("per advanced area", w.PerAdvancedArea), ("advanced area cap", w.AdvancedAreaCap),
                ("per integration", w.PerIntegration), ("integration cap", w.IntegrationCap),
                ("per open issue", w.PerOpenIssue), ("open issue cap", w.OpenIssueCap),
                ("per escalation", w.PerEscalation), ("escalation cap", w.EscalationCap),
            ]);

    /// <summary>Compiles a valid definition once per version.</summary>
    public CompiledRouting Compile(int version) => new(version, this, new Ruleset(version, Rules).Compile(), new IntentDetector(IntentPhrases));
}

/// <summary>A published (or draft) version ready to decide: compiled rules, the intent detector and the weights.</summary>
public sealed class CompiledRouting(int version, RoutingDefinition definition, CompiledRuleset rules, IntentDetector detector)
{
    public int Version { get; } = version;

    public RoutingDefinition Definition { get; } = definition;

    public CompiledRuleset Rules { get; } = rules;

    /// <summary>Turns what routing saw into rule facts: detects the intent and scores complexity with this version's phrases and weights.</summary>
    public RoutingAssessment Assess(RoutingSignals s)
    {
        var intent = detector.Detect(s.Text);
        var complexity = Definition.Weights.Score(intent, s.Text, s.IntegrationsInUse, s.OpenIssues, s.PriorEscalations);
        var facts = new RoutingFacts(s.Tier, s.ValueScore, s.Arr, s.LifecycleStage, s.AtRisk, complexity.Value, intent.Intent, s.Channel,
            s.RepeatContact, s.OpenIssues, s.LastCsat, s.Segments.ToHashSet(StringComparer.Ordinal), s.Language, s.BusinessHours);
        return new RoutingAssessment(facts, intent, complexity);
    }

    public (RoutingAssessment Assessment, RoutingDecision Decision) Route(RoutingSignals signals)
    {
        var assessment = Assess(signals);
        return (assessment, Rules.Decide(assessment.Facts));
    }
}
