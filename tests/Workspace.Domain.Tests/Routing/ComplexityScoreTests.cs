using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class ComplexityScoreTests
{
    private static readonly IntentDetector Detector = new(IntentDetector.DefaultPhrases);

    [Fact]
    public void Score_SimpleHowTo_LowWithEveryPartShown()
    {
        const string text = "How do I change my avatar?";

        var score = ComplexityWeights.Default.Score(Detector.Detect(text), text, integrationsInUse: 0, openIssues: 0, priorEscalations: 0);

        Assert.Equal(5, score.Value);
        Assert.Equal(["intent", "productArea", "integrations", "openIssues", "escalations"], score.Parts.Select(p => p.Key));
        Assert.Equal("5 = 5 (HowTo intent) + 0 (no advanced product area mentioned) + 0 (0 integration(s) in use) + 0 (0 other open issue(s)) + 0 (0 earlier escalation(s))", score.Reason);
    }

    [Fact]
    public void Score_ComplexIntegrationCase_AddsCappedParts()
    {
        const string text = "Our API webhook and automations fail after the SSO change";

        var score = ComplexityWeights.Default.Score(Detector.Detect(text), text, integrationsInUse: 5, openIssues: 3, priorEscalations: 1);

        // Integration 40 + areas min(20, 4×10) + integrations min(15, 5×5) + open issues min(20, 3×10) + escalations 10 = 105, capped at 100.
        Assert.Equal(100, score.Value);
        Assert.Equal(20, score.Parts.Single(p => p.Key == "productArea").Points);
        Assert.Equal(15, score.Parts.Single(p => p.Key == "integrations").Points);
        Assert.Equal(20, score.Parts.Single(p => p.Key == "openIssues").Points);
    }

    [Fact]
    public void Score_LeadEditedWeights_Apply()
    {
        var weights = ComplexityWeights.Default with { IntentWeights = new Dictionary<Intent, int> { [Intent.Billing] = 60 } };
        const string text = "Refund my invoice please";

        Assert.Equal(60, weights.Score(Detector.Detect(text), text, 0, 0, 0).Value);
    }

    [Fact]
    public void Score_NeverAbove100()
    {
        var weights = ComplexityWeights.Default with { PerOpenIssue = 50, OpenIssueCap = 100 };
        const string text = "The outage is back";

        var score = weights.Score(Detector.Detect(text), text, 0, openIssues: 5, priorEscalations: 0);

        Assert.Equal(100, score.Value);
        Assert.EndsWith(", capped at 100", score.Reason, StringComparison.Ordinal);
    }
}
