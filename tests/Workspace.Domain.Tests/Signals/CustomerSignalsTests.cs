using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Signals;
using static Workspace.Domain.Tests.Signals.SignalFacts;

namespace Workspace.Domain.Tests.Signals;

/// <summary>
/// The signals an agent reads: each with its value, its source (declared, observed, computed) and a
/// one-line reason naming the facts behind it; the value score with its formula.
/// </summary>
public class CustomerSignalsTests
{
    private static readonly DeclaredPreferences DeclaredGuided = new(null, null, null, Tone.Guided, null, false, null);

    // --- Every signal ---

    public static TheoryData<string, SignalSource> SourcesWhenNothingIsDeclared => new()
    {
        { "tier", SignalSource.Declared },
        { "valueScore", SignalSource.Computed },
        { "arr", SignalSource.Declared },
        { "lifecycleStage", SignalSource.Computed },
        { "atRisk", SignalSource.Computed },
        { "onboarding", SignalSource.Observed },
        { "activityTrend", SignalSource.Computed },
        { "unresolvedIssues", SignalSource.Observed },
        { "repeatContact", SignalSource.Observed },
        { "adoption", SignalSource.Observed },
        { "lastCsat", SignalSource.Observed },
        { "experienceLevel", SignalSource.Declared },
        { "preferredTone", SignalSource.Computed },
    };

    [Theory]
    [MemberData(nameof(SourcesWhenNothingIsDeclared))]
    public void Compute_NothingDeclaredBeyondProfile_SignalHasItsSource(string key, SignalSource source) =>
        Assert.Equal(source, Settled.Compute().Signal(key).Source);

    [Fact]
    public void Compute_Signals_OneOfEachKeyEachWithLabelValueAndReason()
    {
        var signals = Settled.Compute().Signals;

        Assert.Equal(
            ["activityTrend", "adoption", "arr", "atRisk", "experienceLevel", "lastCsat", "lifecycleStage", "onboarding", "preferredTone",
                "repeatContact", "tier", "unresolvedIssues", "valueScore"],
            signals.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(signals, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Label), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Value), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Reason), s.Key);
            Assert.DoesNotContain("\n", s.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Compute_CustomerWithoutAnyEvents_EverySignalStillExplained() =>
        Assert.All(WithoutEvents(daysAgo: 0.5).Compute().Signals, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason), s.Key));

    [Fact]
    public void Compute_SettledCustomer_OnlyTierValueAndStageOnTop() =>
        Assert.Equal(["tier", "valueScore", "lifecycleStage"], Settled.Compute().Signals.Where(s => s.Top).Select(s => s.Key));

    [Fact]
    public void Indexer_UnknownKey_Null() => Assert.Null(Settled.Compute()["segments"]);

    // --- Tier, ARR, experience ---

    [Fact]
    public void Compute_Tier_DeclaredWithPlanInReason()
    {
        var signal = Settled.Compute().Signal("tier");

        Assert.Equal("Pro", signal.Value);
        Assert.Equal("Plan Pro Annual, as the integration declares.", signal.Reason);
        Assert.True(signal.Top);
    }

    [Fact]
    public void Compute_TierWithoutPlan_ReasonSaysPlanNotGiven() =>
        Assert.Equal("Plan not given, as the integration declares.", Settled.WithProfile(p => p with { Plan = null }).Compute().Signal("tier").Reason);

    [Fact]
    public void Compute_Arr_DeclaredAsWholeAmount() =>
        Assert.Equal("12,000", Settled.Compute().Signal("arr").Value);

    [Fact]
    public void Compute_ExperienceLevel_Declared() =>
        Assert.Equal("Intermediate", Settled.Compute().Signal("experienceLevel").Value);

    // --- Value score ---

    [Fact]
    public void ComputeValueScore_NoMoney_Zero() => Assert.Equal(0, CustomerSignals.ComputeValueScore(0m, 0m));

    [Fact]
    public void ComputeValueScore_OneMillionArrAndFiveMillionLifetimeValue_FullMarks() =>
        Assert.Equal(100, CustomerSignals.ComputeValueScore(1_000_000m, 5_000_000m));

    [Theory]
    [InlineData(1_000_000, 0, 70)]
    [InlineData(0, 5_000_000, 30)]
    [InlineData(50_000_000, 900_000_000, 100)]
    public void ComputeValueScore_ArrWeighsSeventyLifetimeValueThirty(double arr, double lifetimeValue, int expected) =>
        Assert.Equal(expected, CustomerSignals.ComputeValueScore((decimal)arr, (decimal)lifetimeValue));

    [Fact]
    public void ComputeValueScore_MoreMoney_NeverLowerScore()
    {
        decimal[] amounts = [0m, 0.01m, 1m, 9.99m, 100m, 999m, 12_000m, 50_000m, 250_000m, 999_999m, 1_000_000m, 4_999_999m, 5_000_000m, 1_000_000_000m];

        foreach (var ltv in amounts)
        {
            var byArr = amounts.Select(arr => CustomerSignals.ComputeValueScore(arr, ltv)).ToList();
            Assert.Equal(byArr.Order(), byArr);
            Assert.All(byArr, s => Assert.InRange(s, 0, 100));
        }
        foreach (var arr in amounts)
        {
            var byLtv = amounts.Select(ltv => CustomerSignals.ComputeValueScore(arr, ltv)).ToList();
            Assert.Equal(byLtv.Order(), byLtv);
        }
    }

    [Fact]
    public void Compute_ValueScore_ComputedWithFormulaAndAmountsInReason()
    {
        var signals = Settled.Compute();
        var signal = signals.Signal("valueScore");

        Assert.Equal(CustomerSignals.ComputeValueScore(12_000m, 30_000m), signals.ValueScore);
        Assert.Equal(signals.ValueScore.ToString(System.Globalization.CultureInfo.InvariantCulture), signal.Value);
        Assert.Equal($"ARR 12,000 and lifetime value 30,000 → {CustomerSignals.ValueScoreFormula}.", signal.Reason);
    }

    // --- Onboarding ---

    [Fact]
    public void Compute_FailedOnboardingStep_TopAlertNamingTheStepAndNext()
    {
        var facts = Settled with
        {
            OnboardingSteps = [.. StepsDone("create-workspace", "invite-team"), new OnboardingStepFact("connect-data-source", false, Now.AddDays(-2))],
        };

        var signal = facts.Compute().Signal("onboarding");

        Assert.Equal("40%", signal.Value);
        Assert.Equal("2 of 5 core steps done; failed: connect-data-source; next: connect-data-source.", signal.Reason);
        Assert.True(signal.Top);
        Assert.True(signal.Alert);
    }

    [Fact]
    public void Compute_AllStepsDone_OnboardingNotOnTop()
    {
        var signal = Settled.Compute().Signal("onboarding");

        Assert.Equal("100%", signal.Value);
        Assert.Equal("All 5 core steps done.", signal.Reason);
        Assert.False(signal.Top);
        Assert.False(signal.Alert);
    }

    // --- Activity ---

    [Fact]
    public void Compute_SharpDrop_ActivitySignalAlerts()
    {
        var signal = (Settled with { Activity = new ActivityFact(0, 40, Now.AddDays(-9)) }).Compute().Signal("activityTrend");

        Assert.Equal("Sharp drop", signal.Value);
        Assert.True(signal.Alert);
        Assert.Equal("0 events in the last 7 days vs a usual week of 10 (previous 28 days ÷ 4), 0% of usual; last seen 2026-04-22", signal.Reason);
    }

    [Fact]
    public void Compute_SteadyActivity_NoAlert()
    {
        var signal = Settled.Compute().Signal("activityTrend");

        Assert.Equal("Steady", signal.Value);
        Assert.False(signal.Alert);
    }

    // --- Unresolved issues and repeat contact ---

    [Fact]
    public void Compute_OneOpenConversation_CountedButNotOnTop()
    {
        var signal = (Settled with { Conversations = NoConversations with { Total = 1, Open = 1, OpenedInLast7Days = 1 } }).Compute().Signal("unresolvedIssues");

        Assert.Equal("1", signal.Value);
        Assert.Equal("1 open conversation.", signal.Reason);
        Assert.False(signal.Top);
        Assert.False(signal.Alert);
    }

    [Fact]
    public void Compute_AnotherOpenConversation_OnTop()
    {
        var signal = (Settled with { Conversations = NoConversations with { Total = 3, Open = 2 } }).Compute().Signal("unresolvedIssues");

        Assert.Equal("2", signal.Value);
        Assert.Equal("2 open conversations.", signal.Reason);
        Assert.True(signal.Top);
    }

    [Fact]
    public void Compute_RepeatedErrors_CountedAsUnresolvedAndAlertingWithEachNamed()
    {
        var facts = Settled with
        {
            RecentErrors =
            [
                new ErrorFact("auth-failed", 3, Now.AddHours(-5)),
                new ErrorFact("sync-timeout", 7, Now.AddHours(-1)),
                new ErrorFact("rate-limited", 2, Now.AddHours(-2)),
            ],
            Conversations = NoConversations with { Total = 1, Open = 1 },
        };

        var signal = facts.Compute().Signal("unresolvedIssues");

        Assert.Equal("3", signal.Value);
        Assert.Equal("1 open conversation; sync-timeout ×7 in 7 days; auth-failed ×3 in 7 days.", signal.Reason);
        Assert.True(signal.Top);
        Assert.True(signal.Alert);
    }

    [Fact]
    public void Compute_NoIssues_ZeroUnresolved()
    {
        var signal = Settled.Compute().Signal("unresolvedIssues");

        Assert.Equal("0", signal.Value);
        Assert.Equal("0 open conversations.", signal.Reason);
        Assert.False(signal.Top);
    }

    [Fact]
    public void Compute_AnotherConversationInLastSevenDays_RepeatContactOnTop()
    {
        var signal = (Settled with { Conversations = NoConversations with { Total = 4, OpenedInLast7Days = 2 } }).Compute().Signal("repeatContact");

        Assert.Equal("Yes", signal.Value);
        Assert.Equal("2 conversations opened in the last 7 days.", signal.Reason);
        Assert.True(signal.Top);
        Assert.True(signal.Alert);
    }

    [Fact]
    public void Compute_OnlyThisConversationInLastSevenDays_NoRepeatContact()
    {
        var signal = (Settled with { Conversations = NoConversations with { Total = 4, OpenedInLast7Days = 1 } }).Compute().Signal("repeatContact");

        Assert.Equal("No", signal.Value);
        Assert.Equal("No other conversation in the last 7 days.", signal.Reason);
        Assert.False(signal.Top);
    }

    // --- Adoption ---

    [Fact]
    public void Compute_ThreeFeatures_MilestoneThreeReachedNextAtSixWithSuggestions()
    {
        var signals = (Settled with { Features = Features("reports", "dashboards", "alerts") }).Compute();
        var signal = signals.Signal("adoption");

        Assert.Equal("3 of 12", signal.Value);
        Assert.Equal("Uses alerts, dashboards, reports; milestone 3 features reached, next at 6; not yet used: automations, api, exports….", signal.Reason);
        Assert.Equal(["alerts", "dashboards", "reports"], signals.FeaturesUsed);
        Assert.Equal(["automations", "api", "exports", "sso", "mobile-app", "integration-slack", "integration-salesforce", "integration-hubspot", "audit-trail"],
            signals.FeaturesNotUsed);
    }

    [Fact]
    public void Compute_NoFeatureUsed_NoMilestoneYet() =>
        Assert.Equal("Uses no feature; no milestone yet, next at 1; not yet used: dashboards, reports, automations….",
            WithoutEvents(daysAgo: 3).Compute().Signal("adoption").Reason);

    [Fact]
    public void Compute_OneFeatureUsed_SingularMilestone() =>
        Assert.Contains("milestone 1 feature reached, next at 3", (Settled with { Features = Features("api") }).Compute().Signal("adoption").Reason,
            StringComparison.Ordinal);

    [Fact]
    public void Compute_EveryFeatureUsed_EveryMilestoneReachedNothingSuggested()
    {
        var signals = (Settled with { Features = Features(Catalog.Features.ToArray()) }).Compute();

        Assert.Equal("12 of 12", signals.Signal("adoption").Value);
        Assert.EndsWith("milestone 9 features reached, every milestone reached.", signals.Signal("adoption").Reason, StringComparison.Ordinal);
        Assert.Empty(signals.FeaturesNotUsed);
    }

    [Fact]
    public void Compute_FeatureReportedTwice_CountedOnce() =>
        Assert.Equal("1 of 12", (Settled with { Features = [.. Features("api"), .. Features("api")] }).Compute().Signal("adoption").Value);

    // The catalog lists "the features whose adoption is tracked"; a feature name outside it (the
    // integration may send any name) must not read as adopting the product, nor make "13 of 12".
    [Fact]
    public void Compute_FeaturesOutsideCatalog_NotCountedAsAdopted()
    {
        var facts = Settled with { Features = Features("dashboards", "reports.export", "legacy-import", "beta-canvas") };

        var signals = facts.Compute();

        Assert.Equal("1 of 12", signals.Signal("adoption").Value);
        Assert.Equal(["dashboards"], signals.FeaturesUsed);
        Assert.Equal(LifecycleStage.Adoption, signals.Lifecycle.Stage);
    }

    // --- Last CSAT ---

    [Fact]
    public void Compute_NoRating_LastCsatNone()
    {
        var signal = Settled.Compute().Signal("lastCsat");

        Assert.Equal("None", signal.Value);
        Assert.Equal("The customer has not rated a conversation yet.", signal.Reason);
        Assert.False(signal.Alert);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    [InlineData(1, true)]
    public void Compute_Rating_ValueDateAndAlertAtTwoOrBelow(int csat, bool alert)
    {
        var facts = Settled with { Conversations = NoConversations with { Total = 1, LastCsat = csat, LastCsatAt = new DateTimeOffset(2026, 4, 28, 23, 30, 0, TimeSpan.Zero) } };

        var signal = facts.Compute().Signal("lastCsat");

        Assert.Equal(csat.ToString(System.Globalization.CultureInfo.InvariantCulture), signal.Value);
        Assert.Equal($"Rated {csat} of 5 on 2026-04-28.", signal.Reason);
        Assert.Equal(alert, signal.Alert);
    }

    // --- Preferred tone ---

    [Theory]
    [InlineData(ExperienceLevel.New, Tone.Guided, "No tone declared; New users get guided, explanatory answers.")]
    [InlineData(ExperienceLevel.Intermediate, Tone.Concise, "No tone declared; Intermediate users get concise, technical answers.")]
    [InlineData(ExperienceLevel.Expert, Tone.Concise, "No tone declared; Expert users get concise, technical answers.")]
    public void Compute_NoDeclaredTone_ToneComputedFromExperience(ExperienceLevel level, Tone tone, string reason)
    {
        var signals = Settled.WithProfile(p => p with { ExperienceLevel = level }).Compute();

        Assert.Equal(tone, signals.PreferredTone);
        var signal = signals.Signal("preferredTone");
        Assert.Equal(tone.ToString(), signal.Value);
        Assert.Equal(SignalSource.Computed, signal.Source);
        Assert.Equal(reason, signal.Reason);
    }

    [Fact]
    public void Compute_DeclaredTone_WinsOverExperienceAndShowsAsDeclared()
    {
        var signals = Settled.WithProfile(p => p with { ExperienceLevel = ExperienceLevel.Expert }).Compute(DeclaredGuided);

        Assert.Equal(Tone.Guided, signals.PreferredTone);
        var signal = signals.Signal("preferredTone");
        Assert.Equal("Guided", signal.Value);
        Assert.Equal(SignalSource.Declared, signal.Source);
        Assert.Equal("Declared by the customer.", signal.Reason);
    }

    [Fact]
    public void Compute_DeclaredPreferencesWithoutTone_ToneStillComputed()
    {
        var declared = new DeclaredPreferences(Channel.Email, new TimeOnly(9, 0), new TimeOnly(17, 0), null, "de-DE", true, null);

        var signal = Settled.WithProfile(p => p with { ExperienceLevel = ExperienceLevel.New }).Compute(declared).Signal("preferredTone");

        Assert.Equal("Guided", signal.Value);
        Assert.Equal(SignalSource.Computed, signal.Source);
    }
}
