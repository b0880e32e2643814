using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;
using Workspace.Domain.Privacy;
using Workspace.Domain.Routing;
using Workspace.Domain.Signals;
using Workspace.Domain.Templates;
using Workspace.Web.Features.Context;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// Turns a customer's context, a conversation and the agent into the plain values templates read. Fields
/// the viewer may not see are left empty (a template that needs them reports them missing), so a template
/// can never reveal more than the screen would.
/// </summary>
public static class TemplateDataBuilder
{
    public static TemplateData Build(CustomerContext context, ProductCatalog catalog, Func<string, bool> sees, ConversationRecord? conversation, ConversationRouting? routing,
        (string Name, string? Team)? agent, TemplateTone? tone)
    {
        var p = context.Customer.Profile;
        var s = context.Signals;
        var repeated = context.Aggregates.Facts.RecentErrors.Where(e => e.Count >= CustomerSignals.RepeatedErrorThreshold)
            .OrderByDescending(e => e.Count).Select(e => e.Error).ToList();
        // The conversation being answered is not "another" open issue.
        var answering = conversation is { Status: not ConversationStatus.Resolved } ? 1 : 0;
        var openIssues = Math.Max(0, context.Aggregates.Facts.Conversations.Open - answering) + repeated.Count;
        // The value score is computed from ARR and lifetime value: a template shows it only to whom the screen would.
        var valueScore = sees(FieldPolicy.Arr) && sees(FieldPolicy.LifetimeValue) ? s.ValueScore : (int?)null;
        return new TemplateData(
            new CustomerData(p.Name, FirstName(p.Name), p.Company, p.Tier.ToString(), p.Plan, p.Locale,
                // A masked email is left out rather than masked: a message must never carry "j•••@…" to a customer.
                sees(FieldPolicy.Email) ? p.Email : null, p.ExperienceLevel.ToString()),
            new SignalData(valueScore, s.Lifecycle.Stage.ToString(), s.Lifecycle.AtRisk, s.Onboarding.Percent, s.Onboarding.FailedSteps, s.Onboarding.NextStep,
                s.Activity.Label, s.FeaturesUsed, s.FeaturesNotUsed, context.Aggregates.Facts.Conversations.OpenedInLast7Days > (conversation is null ? 0 : 1),
                context.Aggregates.Facts.Conversations.LastCsat, openIssues, repeated),
            new LifecycleData(s.Lifecycle.Stage.ToString(), s.Lifecycle.AtRisk, s.Lifecycle.Reasons[0]),
            context.Segments.Select(m => new SegmentData(m.Key, m.Name)).ToList(),
            conversation is null ? null : new ConversationData(conversation.Id, conversation.Subject, conversation.Channel.ToString(),
                routing?.Intent.Intent?.ToString(), conversation.Priority.ToString(), conversation.TeamName, conversation.CreatedAt),
            agent is { } a ? new AgentData(a.Name, FirstName(a.Name), a.Team) : null,
            Recommend(s, catalog),
            ToneName(tone ?? (s.PreferredTone == Tone.Guided ? TemplateTone.Guided : TemplateTone.Concise)));
    }

    /// <summary>For a failed step, the step to take once it works (the next one not done yet); otherwise the next step as onboarding sees it.</summary>
    private static RecommendationData Recommend(CustomerSignals s, ProductCatalog catalog)
    {
        var failed = s.Onboarding.FailedSteps.Count > 0 ? s.Onboarding.FailedSteps[0] : null;
        var next = failed is null
            ? s.Onboarding.NextStep
            : catalog.OnboardingSteps.SkipWhile(step => step != failed).Skip(1).FirstOrDefault(step => !s.Onboarding.Completed.Contains(step));
        // Knowledge articles arrive with the knowledge base (C7); until then there are none to link.
        return new RecommendationData(failed, next, s.FeaturesNotUsed.Count > 0 ? s.FeaturesNotUsed[0] : null, []);
    }

    public static string ToneName(TemplateTone tone) => tone == TemplateTone.Guided ? "guided" : "concise";

    private static string FirstName(string name)
    {
        var first = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return first.Length > 0 ? first[0] : name;
    }
}
