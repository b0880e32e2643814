using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

/// <summary>What routing saw for a conversation; every field defaults to an ordinary Pro customer writing in chat.</summary>
internal static class SampleSignals
{
    public static RoutingSignals With(
        string text = "Hello there",
        Tier tier = Tier.Pro,
        int valueScore = 40,
        decimal arr = 20_000m,
        LifecycleStage? stage = LifecycleStage.Adoption,
        bool atRisk = false,
        Channel channel = Channel.Chat,
        bool repeatContact = false,
        int openIssues = 0,
        int? lastCsat = null,
        IReadOnlyList<string>? segments = null,
        string? language = "en-US",
        bool businessHours = true,
        int integrationsInUse = 0,
        int priorEscalations = 0) =>
        new(
            Tier: tier,
            ValueScore: valueScore,
            Arr: arr,
            LifecycleStage: stage,
            AtRisk: atRisk,
            Channel: channel,
            RepeatContact: repeatContact,
            OpenIssues: openIssues,
            LastCsat: lastCsat,
            Segments: segments ?? [],
            Language: language,
            BusinessHours: businessHours,
            IntegrationsInUse: integrationsInUse,
            PriorEscalations: priorEscalations,
            Text: text);
}
