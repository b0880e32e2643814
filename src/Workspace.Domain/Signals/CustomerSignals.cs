using System.Globalization;
using Workspace.Domain.Customers;

namespace Workspace.Domain.Signals;

/// <summary>
/// The signals of one customer, computed from aggregated facts by the documented rules below.
/// Pure: the same facts always give the same signals and reasons.
/// </summary>
public sealed record CustomerSignals(
    int ValueScore,
    LifecycleAssessment Lifecycle,
    OnboardingProgress Onboarding,
    ActivityTrend Activity,
    IReadOnlyList<string> FeaturesUsed,
    IReadOnlyList<string> FeaturesNotUsed,
    Tone PreferredTone,
    IReadOnlyList<Signal> Signals)
{
    /// <summary>Days during which a new customer counts as onboarding if the core steps are not done.</summary>
    public const int OnboardingDays = 30;

    /// <summary>A renewal this close puts the customer in the retention stage.</summary>
    public const int RenewalWindowDays = 90;

    /// <summary>Below this share of the usual weekly activity, activity has dropped sharply.</summary>
    public const double SharpDropRatio = 0.5;

    /// <summary>This many errors of one kind in 7 days count as a repeated error.</summary>
    public const int RepeatedErrorThreshold = 3;

    public const string ValueScoreFormula =
        "70 × min(1, log10(1 + ARR) ÷ 6) + 30 × min(1, log10(1 + lifetime value) ÷ 6.7), rounded (ARR of $1M or lifetime value of $5M score full marks)";

    public Signal? this[string key] => Signals.FirstOrDefault(s => s.Key == key);

    public static int ComputeValueScore(decimal arr, decimal lifetimeValue)
    {
        var arrPart = Math.Min(1.0, Math.Log10(1 + (double)arr) / 6.0);
        var ltvPart = Math.Min(1.0, Math.Log10(1 + (double)lifetimeValue) / 6.7);
        return (int)Math.Round(70 * arrPart + 30 * ltvPart, MidpointRounding.AwayFromZero);
    }

    public static CustomerSignals Compute(CustomerFacts facts, ProductCatalog catalog, DeclaredPreferences? declared = null)
    {
        var p = facts.Profile;
        var now = facts.Now;
        var onboarding = OnboardingProgress.From(facts.OnboardingSteps, catalog);
        var activity = ActivityTrend.From(facts.Activity);
        var valueScore = ComputeValueScore(p.Arr, p.LifetimeValue);
        // Only the catalog's features count: an integration's other event names are not product features.
        var used = facts.Features.Where(f => f.Uses > 0 && catalog.Features.Contains(f.Feature, StringComparer.Ordinal))
            .Select(f => f.Feature).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var notUsed = catalog.Features.Where(f => !used.Contains(f, StringComparer.Ordinal)).ToList();
        var repeatedErrors = facts.RecentErrors.Where(e => e.Count >= RepeatedErrorThreshold).OrderByDescending(e => e.Count).ToList();
        var lifecycle = AssessLifecycle(facts, onboarding, activity, repeatedErrors, used.Count);
        var tone = PreferredToneOf(declared, p.ExperienceLevel);
        var money = CultureInfo.InvariantCulture;

        var signals = new List<Signal>
        {
            new("tier", "Tier", p.Tier.ToString(), SignalSource.Declared, $"Plan {p.Plan ?? "not given"}, as the integration declares.", Top: true),
            new("valueScore", "Value score", valueScore.ToString(money), SignalSource.Computed,
                $"ARR {p.Arr.ToString("N0", money)} and lifetime value {p.LifetimeValue.ToString("N0", money)} → {ValueScoreFormula}.", Top: true,
                Fields: [Privacy.FieldPolicy.Arr, Privacy.FieldPolicy.LifetimeValue]),
            new("arr", "ARR", p.Arr.ToString("N0", money), SignalSource.Declared, "Annual recurring revenue declared by the integration.",
                Fields: [Privacy.FieldPolicy.Arr]),
            new("lifecycleStage", "Lifecycle stage", lifecycle.Stage.ToString(), lifecycle.StageSource, lifecycle.Reasons[0], Top: true),
            new("atRisk", "At risk", lifecycle.AtRisk ? "Yes" : "No", lifecycle.AtRiskSource,
                lifecycle.Reasons.Count > 1 ? lifecycle.Reasons[1] : "No sign of risk.", Top: lifecycle.AtRisk, Alert: lifecycle.AtRisk),
            new("onboarding", "Onboarding", NoOnboardingHistory(facts) ? "No data" : $"{onboarding.Percent}%", SignalSource.Observed,
                NoOnboardingHistory(facts) ? "No onboarding events recorded; the customer signed up before the events on record." : onboarding.Reason,
                Top: onboarding.FailedSteps.Count > 0, Alert: onboarding.FailedSteps.Count > 0),
            new("activityTrend", "Activity trend", activity.Label, SignalSource.Computed, activity.Reason, Alert: activity.SharpDrop),
            new("unresolvedIssues", "Unresolved issues", (facts.Conversations.Open + repeatedErrors.Count).ToString(money), SignalSource.Observed,
                UnresolvedReason(facts.Conversations.Open, repeatedErrors), Top: facts.Conversations.Open > 1 || repeatedErrors.Count > 0,
                Alert: repeatedErrors.Count > 0),
            new("repeatContact", "Repeat contact", facts.Conversations.OpenedInLast7Days > 1 ? "Yes" : "No", SignalSource.Observed,
                facts.Conversations.OpenedInLast7Days > 1
                    ? $"{facts.Conversations.OpenedInLast7Days} conversations opened in the last 7 days."
                    : "No other conversation in the last 7 days.",
                Top: facts.Conversations.OpenedInLast7Days > 1, Alert: facts.Conversations.OpenedInLast7Days > 1),
            new("adoption", "Features adopted", $"{used.Count} of {catalog.Features.Count}", SignalSource.Observed, AdoptionReason(used, notUsed, catalog)),
            new("lastCsat", "Last CSAT", facts.Conversations.LastCsat?.ToString(money) ?? "None", SignalSource.Observed,
                facts.Conversations.LastCsat is { } csat
                    ? $"Rated {csat} of 5 on {facts.Conversations.LastCsatAt!.Value.ToString("yyyy-MM-dd", money)}."
                    : "The customer has not rated a conversation yet.",
                Alert: facts.Conversations.LastCsat is <= 2),
            new("experienceLevel", "Experience level", p.ExperienceLevel.ToString(), SignalSource.Declared, "As the integration declares."),
            new("preferredTone", "Preferred tone", tone.ToString(), declared?.Tone is null ? SignalSource.Computed : SignalSource.Declared,
                declared?.Tone is null
                    ? $"No tone declared; {p.ExperienceLevel} users get {(tone == Tone.Concise ? "concise, technical" : "guided, explanatory")} answers."
                    : "Declared by the customer."),
        };
        return new CustomerSignals(valueScore, lifecycle, onboarding, activity, used, notUsed, tone, signals);
    }

    /// <summary>
    /// Declared values win. Otherwise: Onboarding while the core steps are not all done and the customer
    /// is at most 30 days old; Retention when renewal is within 90 days or activity dropped sharply;
    /// Adoption in the first 180 days or with fewer than 4 features in use; Maturity after that.
    /// At risk when activity dropped sharply, a payment failed with renewal near, the last rating was
    /// 2 or lower, or errors repeat while a conversation is open.
    /// </summary>
    private static LifecycleAssessment AssessLifecycle(CustomerFacts facts, OnboardingProgress onboarding, ActivityTrend activity, List<ErrorFact> repeatedErrors, int adopted)
    {
        var p = facts.Profile;
        var signedUp = p.SignedUpAt ?? facts.CreatedAt;
        var ageDays = (facts.Now - signedUp).TotalDays;
        var renewalDays = p.RenewalAt is { } renewal ? (renewal - facts.Now).TotalDays : (double?)null;
        var inv = CultureInfo.InvariantCulture;

        LifecycleStage stage;
        string stageReason;
        SignalSource stageSource;
        if (p.LifecycleStage is { } declaredStage)
        {
            (stage, stageSource, stageReason) = (declaredStage, SignalSource.Declared, $"{declaredStage}: declared by the integration.");
        }
        else
        {
            stageSource = SignalSource.Computed;
            if (!onboarding.Complete && ageDays <= OnboardingDays)
            {
                stage = LifecycleStage.Onboarding;
                stageReason = $"Onboarding: signed up {Days(ageDays)} ago (within {OnboardingDays} days) and {onboarding.Completed.Count} of {onboarding.Total} core steps done.";
            }
            else if (renewalDays is >= 0 and <= RenewalWindowDays)
            {
                stage = LifecycleStage.Retention;
                stageReason = $"Retention: renewal in {Days(renewalDays.Value)} (within {RenewalWindowDays} days).";
            }
            else if (activity.SharpDrop)
            {
                stage = LifecycleStage.Retention;
                stageReason = $"Retention: activity dropped sharply ({activity.Reason}).";
            }
            else if (ageDays < 180 || adopted < 4)
            {
                stage = LifecycleStage.Adoption;
                stageReason = $"Adoption: customer for {Days(ageDays)}, {adopted} feature{(adopted == 1 ? "" : "s")} in use (maturity needs 180 days and 4 features).";
            }
            else
            {
                stage = LifecycleStage.Maturity;
                stageReason = $"Maturity: customer for {Days(ageDays)} with {adopted} features in use.";
            }
        }

        bool atRisk;
        string riskReason;
        SignalSource riskSource;
        if (p.AtRisk is { } declaredRisk)
        {
            (atRisk, riskSource, riskReason) = (declaredRisk, SignalSource.Declared, declaredRisk ? "At risk: declared by the integration." : "Not at risk: declared by the integration.");
        }
        else
        {
            riskSource = SignalSource.Computed;
            var causes = new List<string>();
            if (activity.SharpDrop)
            {
                causes.Add(activity.Reason);
            }
            if (facts.Transactions.FailedPaymentsLast90Days > 0 && renewalDays is <= RenewalWindowDays)
            {
                causes.Add($"{facts.Transactions.FailedPaymentsLast90Days} failed payment(s) in 90 days with renewal near");
            }
            if (facts.Conversations.LastCsat is <= 2)
            {
                causes.Add($"last rating {facts.Conversations.LastCsat} of 5");
            }
            if (repeatedErrors.Count > 0 && facts.Conversations.Open > 0)
            {
                causes.Add($"{repeatedErrors[0].Error} raised {repeatedErrors[0].Count.ToString(inv)} times in 7 days while a conversation is open");
            }
            atRisk = causes.Count > 0;
            riskReason = atRisk ? "At risk: " + string.Join("; ", causes) + "." : "No sign of risk: activity steady, no failed payment near renewal, no low rating.";
        }
        return new LifecycleAssessment(stage, stageSource, atRisk, riskSource, [stageReason, riskReason]);
    }

    /// <summary>An established customer with no onboarding events onboarded before the history on record, not 0 %.</summary>
    private static bool NoOnboardingHistory(CustomerFacts facts) =>
        facts.OnboardingSteps.Count == 0 && (facts.Now - (facts.Profile.SignedUpAt ?? facts.CreatedAt)).TotalDays > OnboardingDays;

    private static Tone PreferredToneOf(DeclaredPreferences? declared, ExperienceLevel level) =>
        declared?.Tone ?? level switch
        {
            ExperienceLevel.New => Tone.Guided,
            ExperienceLevel.Intermediate or ExperienceLevel.Expert => Tone.Concise,
        };

    private static string UnresolvedReason(int open, List<ErrorFact> repeated)
    {
        var parts = new List<string> { $"{open} open conversation{(open == 1 ? "" : "s")}" };
        parts.AddRange(repeated.Select(e => $"{e.Error} ×{e.Count} in 7 days"));
        return string.Join("; ", parts) + ".";
    }

    private static string AdoptionReason(List<string> used, List<string> notUsed, ProductCatalog catalog)
    {
        var milestone = catalog.AdoptionMilestones.Where(m => used.Count >= m).DefaultIfEmpty(0).Max();
        var next = catalog.AdoptionMilestones.FirstOrDefault(m => m > used.Count);
        var reached = milestone == 0 ? "no milestone yet" : $"milestone {milestone} feature{(milestone == 1 ? "" : "s")} reached";
        var toGo = next == 0 ? "every milestone reached" : $"next at {next}";
        var suggestion = notUsed.Count == 0 ? "" : $"; not yet used: {string.Join(", ", notUsed.Take(3))}{(notUsed.Count > 3 ? "…" : "")}";
        return $"Uses {(used.Count == 0 ? "no feature" : string.Join(", ", used))}; {reached}, {toGo}{suggestion}.";
    }

    internal static string Days(double days) =>
        days < 1 ? "less than a day" : $"{(int)Math.Floor(days)} day{((int)Math.Floor(days) == 1 ? "" : "s")}";
}
