using Workspace.Domain.Conversations;
using Workspace.Domain.Privacy;
using Workspace.Domain.Routing;

namespace Workspace.Web.Features.Api;

/// <summary>
/// Why a conversation went where it did: the ruleset version, the matched rule with each condition's
/// expected and actual value, the rules passed over, the team, priority, SLA and skills it set, how
/// intent and complexity were read, the signals it saw and the latest assignment attempt.
/// </summary>
public sealed record RoutingResponse(
    int RulesetVersion,
    DateTimeOffset DecidedAt,
    RuleRef MatchedRule,
    IReadOnlyList<ConditionResponse> Conditions,
    IReadOnlyList<SkippedRuleResponse> SkippedRules,
    string? Team,
    Priority Priority,
    IReadOnlyList<string> RequiredSkills,
    SlaResponse Sla,
    StickyPreference Prefer,
    string? ReplyTemplate,
    IntentResponse Intent,
    ComplexityResponse Complexity,
    RoutingSignalsResponse Signals,
    AssignmentResponse? Assignment,
    IReadOnlyList<string> Masked)
{
    public static RoutingResponse From(ConversationRouting r, ApiMasking masking)
    {
        var d = r.Decision;
        var hidden = Hidden(masking);
        string Actual(ConditionTrace c) => hidden.Contains(c.Field) ? FieldPolicy.Mask : c.Actual;
        // Whether a condition on a hidden value held would give its range away: null, like the value.
        bool? Held(ConditionTrace c) => hidden.Contains(c.Field) ? null : c.Held;
        var (first, resolution) = SlaTargets.Of(d);
        var s = r.Snapshot;
        return new RoutingResponse(d.RulesetVersion, r.DecidedAt, new RuleRef(d.MatchedRuleId, d.MatchedRuleName),
            d.Conditions.Select(c => new ConditionResponse(c.Field, c.Operator, c.Expected, Actual(c), Held(c))).ToList(),
            d.SkippedRules.Select(k => new SkippedRuleResponse(k.Id, k.Name,
                new ConditionResponse(k.FailedCondition.Field, k.FailedCondition.Operator, k.FailedCondition.Expected, Actual(k.FailedCondition), Held(k.FailedCondition)))).ToList(),
            r.Team, d.Priority, d.RequiredSkills, new SlaResponse(first, resolution), d.Sticky, d.ReplyTemplate,
            new IntentResponse(r.Intent.Intent, r.Intent.MatchedPhrases, r.Intent.Reason),
            new ComplexityResponse(r.Complexity.Value, r.Complexity.Parts.Select(p => new ComplexityPartResponse(p.Key, p.Points, p.Why)).ToList()),
            new RoutingSignalsResponse(s.Tier, hidden.Contains("valueScore") ? null : s.ValueScore, hidden.Contains("arr") ? null : s.Arr, s.LifecycleStage, s.AtRisk,
                s.Channel, s.RepeatContact, s.OpenIssues, s.LastCsat, s.Segments, s.Language, s.BusinessHours, s.IntegrationsInUse, s.PriorEscalations),
            r.Assignment is { } a
                ? new AssignmentResponse(a.At, a.How, a.Agent is null ? null : new AgentRef(a.AgentId!.Value, a.Agent), a.Summary,
                    a.Candidates.Select(c => new CandidateResponse(new AgentRef(c.AgentId, c.Name), c.Chosen, c.Reason)).ToList())
                : null,
            hidden.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Rule fields whose values come from fields this caller may not see: ARR, and the value score computed from it.</summary>
    private static HashSet<string> Hidden(ApiMasking masking)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        if (!masking.Sees(FieldPolicy.Arr))
        {
            hidden.Add("arr");
            hidden.Add("valueScore");
        }
        if (!masking.Sees(FieldPolicy.LifetimeValue))
        {
            hidden.Add("valueScore");
        }
        return hidden;
    }
}

public sealed record RuleRef(string Id, string Name);

/// <summary>One evaluated condition; <c>actual</c> is masked and <c>held</c> null when the caller may not see the value.</summary>
public sealed record ConditionResponse(string Field, RuleOperator Operator, string Expected, string Actual, bool? Held);

public sealed record SkippedRuleResponse(string Id, string Name, ConditionResponse FailedCondition);

public sealed record SlaResponse(int FirstResponseMinutes, int ResolutionMinutes);

public sealed record IntentResponse(Intent? Intent, IReadOnlyList<string> MatchedPhrases, string Reason);

public sealed record ComplexityResponse(int Score, IReadOnlyList<ComplexityPartResponse> Parts);

public sealed record ComplexityPartResponse(string Part, int Points, string Why);

public sealed record RoutingSignalsResponse(
    Domain.Customers.Tier Tier, int? ValueScore, decimal? Arr, Domain.Customers.LifecycleStage? LifecycleStage, bool AtRisk, Channel Channel,
    bool RepeatContact, int OpenIssues, int? LastCsat, IReadOnlyList<string> Segments, string? Language, bool BusinessHours,
    int IntegrationsInUse, int PriorEscalations);

public sealed record AgentRef(long Id, string Name);

public sealed record AssignmentResponse(DateTimeOffset At, string How, AgentRef? Agent, string Summary, IReadOnlyList<CandidateResponse> Candidates);

public sealed record CandidateResponse(AgentRef Agent, bool Chosen, string Reason);
