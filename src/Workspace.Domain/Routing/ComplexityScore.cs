namespace Workspace.Domain.Routing;

/// <summary>
/// How hard a conversation is likely to be, 0–100, as the sum of visible parts: the intent's weight,
/// advanced product areas mentioned, integrations the customer uses, their open issues and their earlier
/// escalations, each capped. Leads edit the weights; every part's contribution is shown.
/// </summary>
public sealed record ComplexityWeights(
    IReadOnlyDictionary<Intent, int> IntentWeights,
    int PerAdvancedArea,
    int AdvancedAreaCap,
    int PerIntegration,
    int IntegrationCap,
    int PerOpenIssue,
    int OpenIssueCap,
    int PerEscalation,
    int EscalationCap)
{
    public static readonly IReadOnlyList<string> AdvancedAreas = ["api", "sso", "automations", "webhook", "audit-trail", "exports"];

    public static readonly ComplexityWeights Default = new(
        new Dictionary<Intent, int>
        {
            [Intent.Outage] = 40,
            [Intent.Integration] = 40,
            [Intent.Bug] = 30,
            [Intent.Account] = 20,
            [Intent.Billing] = 10,
            [Intent.HowTo] = 5,
        },
        PerAdvancedArea: 10, AdvancedAreaCap: 20,
        PerIntegration: 5, IntegrationCap: 15,
        PerOpenIssue: 10, OpenIssueCap: 20,
        PerEscalation: 10, EscalationCap: 20);

    public ComplexityScore Score(IntentDetection intent, string text, int integrationsInUse, int openIssues, int priorEscalations)
    {
        var lower = text.ToLowerInvariant();
        var areas = AdvancedAreas.Where(a => IntentDetector.Occurs(lower, a) || IntentDetector.Occurs(lower, a.Replace('-', ' '))).ToList();
        var parts = new List<ComplexityPart>
        {
            new("intent", intent.Intent is { } i && IntentWeights.TryGetValue(i, out var w) ? w : 0,
                intent.Intent is { } named ? $"{named} intent" : "no intent detected"),
            new("productArea", Math.Min(AdvancedAreaCap, areas.Count * PerAdvancedArea),
                areas.Count == 0 ? "no advanced product area mentioned" : $"mentions {string.Join(", ", areas)}"),
            new("integrations", Math.Min(IntegrationCap, integrationsInUse * PerIntegration), $"{integrationsInUse} integration(s) in use"),
            new("openIssues", Math.Min(OpenIssueCap, openIssues * PerOpenIssue), $"{openIssues} other open issue(s)"),
            new("escalations", Math.Min(EscalationCap, priorEscalations * PerEscalation), $"{priorEscalations} earlier escalation(s)"),
        };
        return new ComplexityScore(Math.Min(100, parts.Sum(p => p.Points)), parts);
    }
}

/// <summary>The score and the contribution of each part, so the number can be explained.</summary>
public sealed record ComplexityScore(int Value, IReadOnlyList<ComplexityPart> Parts)
{
    public string Reason => $"{Value} = " + string.Join(" + ", Parts.Select(p => $"{p.Points} ({p.Why})")) + (Parts.Sum(p => p.Points) > 100 ? ", capped at 100" : "");
}

public sealed record ComplexityPart(string Key, int Points, string Why);
