using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

/// <summary>
/// Intent phrases and complexity weights fixed for the tests, so fixtures whose scores are worked out by hand
/// do not shift when the shipped defaults are tuned.
/// </summary>
internal static class SampleRouting
{
    public static readonly IReadOnlyDictionary<Intent, IReadOnlyList<string>> Phrases = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Outage] = ["outage", "down", "nothing loads"],
        [Intent.Bug] = ["bug", "error", "does nothing", "fails"],
        [Intent.Integration] = ["api", "webhook", "sync"],
        [Intent.Billing] = ["invoice", "charged", "refund"],
        [Intent.Account] = ["password", "sso"],
        [Intent.HowTo] = ["how do i", "how to"],
    };

    public static readonly ComplexityWeights Weights = new(
        new Dictionary<Intent, int>
        {
            [Intent.Outage] = 40,
            [Intent.Integration] = 35,
            [Intent.Bug] = 30,
            [Intent.Account] = 20,
            [Intent.Billing] = 10,
            [Intent.HowTo] = 5,
        },
        PerAdvancedArea: 10, AdvancedAreaCap: 20,
        PerIntegration: 5, IntegrationCap: 15,
        PerOpenIssue: 10, OpenIssueCap: 20,
        PerEscalation: 10, EscalationCap: 20);
}
