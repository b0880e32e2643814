using Microsoft.Extensions.Options;
using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Routing;
using Workspace.Data.Teams;
using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;
using Workspace.Web.Features.Context;

namespace Workspace.Web.Features.Routing;

/// <summary>
/// Routes a new conversation: gathers what the rules look at (the customer's signals and segments,
/// the channel, the first message) and decides with the active version, compiled once per version.
/// </summary>
public sealed class RoutingService(
    RoutingRepository routing,
    CustomerRepository customers,
    CustomerContextService context,
    ConversationRepository conversations,
    TeamRepository teams,
    IOptions<RoutingOptions> options)
{
    private CompiledRouting? _active;

    /// <summary>The version new conversations are routed by, or null before any is published.</summary>
    public async Task<CompiledRouting?> ActiveAsync(CancellationToken ct)
    {
        // One cheap read per decision keeps every node on the latest version without a cache invalidation channel.
        var version = await routing.ActiveVersionAsync(ct);
        if (version is null)
        {
            return null;
        }
        var cached = _active;
        if (cached?.Version == version)
        {
            return cached;
        }
        var stored = await routing.VersionAsync(version.Value, ct);
        var compiled = stored!.Definition.Compile(stored.Version);
        _active = compiled;
        return compiled;
    }

    /// <summary>The routing of a conversation the customer is opening; null when no ruleset is published yet.</summary>
    public async Task<RoutedConversation?> RouteAsync(long customerId, Channel channel, string text, DateTimeOffset now, CancellationToken ct)
    {
        var active = await ActiveAsync(ct);
        var customer = await customers.GetByIdAsync(customerId, ct);
        if (active is null || customer is null)
        {
            return null;
        }
        var signals = await SignalsAsync(customer, await customers.IsAnonymousAsync(customerId, ct), channel, text, now, ct);
        var (assessment, decision) = active.Route(signals);
        var teamId = decision.Team is { } name ? (await teams.FindTeamAsync(name, ct))?.Id : null;
        var (stickyAgent, stickyReason) = await StickyAsync(decision.Sticky, customer, ct);
        return new RoutedConversation(decision, assessment, signals, teamId, stickyAgent, stickyReason);
    }

    /// <summary>What routing sees for this customer now: the same signals and segments the context panel shows.</summary>
    public async Task<RoutingSignals> SignalsAsync(CustomerRecord customer, bool anonymous, Channel channel, string text, DateTimeOffset now, CancellationToken ct)
    {
        var (s, aggregates, segments) = await context.SignalsAsync(customer, now, ct);
        var facts = aggregates.Facts;
        var profile = customer.Profile;
        var openIssues = int.TryParse(s["unresolvedIssues"]?.Value, out var open) ? open : facts.Conversations.Open;
        var language = aggregates.Declared?.Language ?? profile.Locale?.Split('-')[0];
        return new RoutingSignals(
            profile.Tier, s.ValueScore, profile.Arr, anonymous ? null : s.Lifecycle.Stage, s.Lifecycle.AtRisk, channel,
            RepeatContact: facts.Conversations.OpenedInLast7Days > 0,
            OpenIssues: openIssues,
            LastCsat: facts.Conversations.LastCsat,
            Segments: segments.Select(m => m.Key).ToList(),
            Language: language?.ToLowerInvariant(),
            BusinessHours: options.Value.BusinessHours.IsOpen(now),
            IntegrationsInUse: s.FeaturesUsed.Count(f => f.StartsWith("integration-", StringComparison.Ordinal)),
            PriorEscalations: facts.Conversations.Escalated,
            Text: text.Length <= RoutingSignals.MaxText ? text : text[..RoutingSignals.MaxText]);
    }

    /// <summary>Replays a draft over the conversations that arrived in the period and compares with what was decided then.</summary>
    public async Task<SimulationResult> SimulateAsync(RoutingDefinition draft, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (to < from || (to - from).TotalDays > RoutingSimulation.MaxPeriodDays + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"A simulation replays at most {RoutingSimulation.MaxPeriodDays} days.");
        }
        var history = await routing.HistoryAsync(from, to, ct);
        var capacity = (await teams.ListAgentsAsync(ct))
            .SelectMany(a => a.TeamIds.Select(t => (Team: t, a.Capacity)))
            .GroupBy(x => x.Team)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Capacity));
        var names = (await teams.ListTeamsAsync(ct)).ToDictionary(t => t.Name, t => capacity.TryGetValue(t.Id, out var c) ? c : 0, StringComparer.Ordinal);
        return RoutingSimulation.Run(draft.Compile(0), history, names, to);
    }

    private async Task<(long? AgentId, string? Reason)> StickyAsync(StickyPreference sticky, CustomerRecord customer, CancellationToken ct)
    {
        switch (sticky)
        {
            case StickyPreference.LastAgent:
                return (await conversations.LastAgentAsync(customer.Id, ct), "the customer's last agent");
            case StickyPreference.AccountOwner:
                if (!customer.Profile.Attributes.TryGetValue("accountOwner", out var email))
                {
                    return (null, null);
                }
                var owner = (await teams.ListAgentsAsync(ct)).FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase));
                return (owner?.UserId, "the account owner");
            case StickyPreference.None:
            default:
                return (null, null);
        }
    }
}
