using System.Text.Json;
using Workspace.Data.Conversations;
using Workspace.Data.Routing;
using Workspace.Data.Tests.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Data.Tests.Routing;

/// <summary>
/// Routing definitions, signals and routed conversations for the routing contracts, built the way the
/// app builds them: a definition compiled for a version decides over signals, and the conversation is
/// opened with the decision's team, priority and SLA targets.
/// </summary>
public static class RoutingSeed
{
    public const string OutageRuleId = "outage";
    public const string OutageRuleName = "Outages first";
    public const string ApiRuleId = "complex-api";
    public const string ApiRuleName = "Complex API questions";
    public const string DefaultRuleId = "default";
    public const string DefaultRuleName = "Default";
    public const string ApiSkill = "api";

    /// <summary>Integration intent (“api”, “webhook”) and two advanced areas: complexity well above 40 with the default signals.</summary>
    public const string ApiText = "Our API webhook stopped delivering events since this morning.";

    /// <summary>Billing intent and no advanced area: complexity well below 40 with no integrations or open issues.</summary>
    public const string BillingText = "How do I change the address on my invoice?";

    /// <summary>
    /// Outages to the specialists at P1; complex API questions from Pro or Enterprise customers to the
    /// specialists at P2, requiring the api skill; everything else to the default team at P3.
    /// </summary>
    public static RoutingDefinition Definition(string specialistTeam, string defaultTeam, StickyPreference sticky = StickyPreference.None) => new(
        [
            new RoutingRule(OutageRuleId, OutageRuleName, true, [new RuleCondition("intent", RuleOperator.Equals, ["Outage"])],
                new RuleActions(specialistTeam, [], Priority.P1, 10, 120)),
            new RoutingRule(ApiRuleId, ApiRuleName, true,
                [new RuleCondition("complexityScore", RuleOperator.AtLeast, ["40"]), new RuleCondition("tier", RuleOperator.In, ["Pro", "Enterprise"])],
                new RuleActions(specialistTeam, [ApiSkill], Priority.P2, null, null, sticky)),
            new RoutingRule(DefaultRuleId, DefaultRuleName, true, [], new RuleActions(defaultTeam, [], Priority.P3, null, null, sticky)),
        ],
        IntentDetector.DefaultPhrases, ComplexityWeights.Default);

    /// <summary>What routing saw for an Enterprise customer writing <paramref name="text"/> in the chat.</summary>
    public static RoutingSignals Signals(string text, Tier tier = Tier.Enterprise, int integrations = 2, int openIssues = 1) => new(
        tier, 72, 48_000m, LifecycleStage.Adoption, AtRisk: false, Channel.Chat, RepeatContact: false, openIssues, LastCsat: 4,
        ["enterprise-accounts"], "en", BusinessHours: true, integrations, PriorEscalations: 0, text);

    /// <summary>Decides with <paramref name="definition"/> compiled as <paramref name="version"/>; the decision's team is looked up in <paramref name="teams"/>.</summary>
    public static RoutedConversation Route(RoutingDefinition definition, int version, RoutingSignals signals, IReadOnlyDictionary<string, long> teams,
        long? stickyAgentId = null, string? stickyReason = null)
    {
        var (assessment, decision) = definition.Compile(version).Route(signals);
        var teamId = decision.Team is { } name && teams.TryGetValue(name, out var id) ? id : (long?)null;
        return new RoutedConversation(decision, assessment, signals, teamId, stickyAgentId, stickyReason);
    }

    /// <summary>The conversation a customer opens with this routing: its team, priority and SLA targets, the signals' text as first message.</summary>
    public static NewConversation Conversation(long customerId, RoutedConversation routed, string? clientMessageId = null)
    {
        var (firstResponse, resolution) = SlaTargets.Of(routed.Decision);
        return new NewConversation(customerId, routed.Signals.Channel, "Routed question", routed.TeamId, routed.Decision.Priority,
            TimeSpan.FromMinutes(firstResponse), TimeSpan.FromMinutes(resolution),
            new NewMessage(AuthorKind.Customer, null, clientMessageId ?? WorkspaceSeed.NewClientId(), routed.Signals.Text), routed);
    }

    /// <summary>An event's or audit entry's JSON data.</summary>
    public static JsonElement Data(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The agent an "assigned" or "returned-to-queue" event names.</summary>
    public static long AgentOf(ConversationEvent e) => Data(e.Data).GetProperty("agentId").GetInt64();

    /// <summary>A JSON array of strings, as stored diff lines are.</summary>
    public static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
}
