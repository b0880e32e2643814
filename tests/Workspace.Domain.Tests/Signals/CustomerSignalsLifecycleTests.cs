using Workspace.Domain.Customers;
using Workspace.Domain.Signals;
using static Workspace.Domain.Tests.Signals.SignalFacts;

namespace Workspace.Domain.Tests.Signals;

/// <summary>
/// The documented lifecycle and at-risk rules of <see cref="CustomerSignals.Compute"/>, each with its
/// boundary and the reason an agent reads.
/// </summary>
public class CustomerSignalsLifecycleTests
{
    private static CustomerFacts SignedUp(CustomerFacts facts, TimeSpan ago) => facts.WithProfile(p => p with { SignedUpAt = Now - ago });

    private static CustomerFacts Onboarding(TimeSpan ago) =>
        SignedUp(Settled with { OnboardingSteps = StepsDone("create-workspace", "invite-team"), Features = Features("dashboards") }, ago);

    private static CustomerFacts SharpDrop(CustomerFacts facts) => facts with { Activity = new ActivityFact(1, 40, Now.AddDays(-5)) };

    // --- Stage ---

    [Fact]
    public void Compute_SettledCustomer_MaturityComputedWithReason()
    {
        var lifecycle = Settled.Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Maturity, lifecycle.Stage);
        Assert.Equal(SignalSource.Computed, lifecycle.StageSource);
        Assert.Equal("Maturity: customer for 400 days with 5 features in use.", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_CoreStepsIncompleteWithinThirtyDays_OnboardingWithStepCount()
    {
        var lifecycle = Onboarding(TimeSpan.FromDays(12)).Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Onboarding, lifecycle.Stage);
        Assert.Equal(SignalSource.Computed, lifecycle.StageSource);
        Assert.Equal("Onboarding: signed up 12 days ago (within 30 days) and 2 of 5 core steps done.", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_SignedUpExactlyThirtyDaysAgo_StillOnboarding()
    {
        var lifecycle = Onboarding(TimeSpan.FromDays(30)).Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Onboarding, lifecycle.Stage);
        Assert.Equal("Onboarding: signed up 30 days ago (within 30 days) and 2 of 5 core steps done.", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_SignedUpThirtyDaysAndAMinuteAgo_NoLongerOnboarding()
    {
        var lifecycle = Onboarding(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1)).Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Adoption, lifecycle.Stage);
        Assert.Equal("Adoption: customer for 30 days, 1 feature in use (maturity needs 180 days and 4 features).", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_CoreStepsAllDoneWithinThirtyDays_AdoptionNotOnboarding()
    {
        var facts = SignedUp(Settled with { Features = Features("dashboards", "reports") }, TimeSpan.FromDays(5));

        var lifecycle = facts.Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Adoption, lifecycle.Stage);
        Assert.Equal("Adoption: customer for 5 days, 2 features in use (maturity needs 180 days and 4 features).", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_SignedUpLessThanADayAgo_ReasonSaysLessThanADay()
    {
        var lifecycle = Onboarding(TimeSpan.FromHours(3)).Compute().Lifecycle;

        Assert.Equal("Onboarding: signed up less than a day ago (within 30 days) and 2 of 5 core steps done.", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_NoSignUpDate_AgeCountsFromWhenTheCustomerWasCreated()
    {
        var facts = Onboarding(TimeSpan.FromDays(400)).WithProfile(p => p with { SignedUpAt = null }) with { CreatedAt = Now.AddDays(-3) };

        var lifecycle = facts.Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Onboarding, lifecycle.Stage);
        Assert.StartsWith("Onboarding: signed up 3 days ago", lifecycle.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoEventsAtAllJustSignedUp_OnboardingWithNothingDone()
    {
        var signals = WithoutEvents(daysAgo: 2).Compute();

        Assert.Equal(LifecycleStage.Onboarding, signals.Lifecycle.Stage);
        Assert.Equal("Onboarding: signed up 2 days ago (within 30 days) and 0 of 5 core steps done.", signals.Lifecycle.Reasons[0]);
        Assert.False(signals.Lifecycle.AtRisk);
        Assert.Equal("0%", signals.Signal("onboarding").Value);
        Assert.Equal("No activity", signals.Signal("activityTrend").Value);
        Assert.Equal("0 of 12", signals.Signal("adoption").Value);
    }

    [Fact]
    public void Compute_NoEventsAtAllLongAgo_AdoptionWithNoFeatureNotRiskFromMissingActivity()
    {
        var signals = WithoutEvents(daysAgo: 400).Compute();

        Assert.Equal(LifecycleStage.Adoption, signals.Lifecycle.Stage);
        Assert.Equal("Adoption: customer for 400 days, 0 features in use (maturity needs 180 days and 4 features).", signals.Lifecycle.Reasons[0]);
        // No baseline means no drop can be judged.
        Assert.False(signals.Lifecycle.AtRisk);
    }

    [Fact]
    public void Compute_RenewalWithinNinetyDays_Retention()
    {
        var lifecycle = Settled.WithProfile(p => p with { RenewalAt = Now.AddDays(45) }).Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Retention, lifecycle.Stage);
        Assert.Equal("Retention: renewal in 45 days (within 90 days).", lifecycle.Reasons[0]);
    }

    [Fact]
    public void Compute_RenewalExactlyNinetyDaysAway_Retention() =>
        Assert.Equal(LifecycleStage.Retention, Settled.WithProfile(p => p with { RenewalAt = Now.AddDays(90) }).Compute().Lifecycle.Stage);

    [Fact]
    public void Compute_RenewalNinetyDaysAndAMinuteAway_NotRetention() =>
        Assert.Equal(LifecycleStage.Maturity,
            Settled.WithProfile(p => p with { RenewalAt = Now.AddDays(90).AddMinutes(1) }).Compute().Lifecycle.Stage);

    [Fact]
    public void Compute_RenewalDateAlreadyPassed_NotRetention() =>
        Assert.Equal(LifecycleStage.Maturity, Settled.WithProfile(p => p with { RenewalAt = Now.AddDays(-1) }).Compute().Lifecycle.Stage);

    [Fact]
    public void Compute_ActivityDroppedSharply_RetentionNamingTheDrop()
    {
        var lifecycle = SharpDrop(Settled).Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Retention, lifecycle.Stage);
        Assert.StartsWith("Retention: activity dropped sharply (1 events in the last 7 days vs a usual week of 10", lifecycle.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OnboardingAndRenewalNear_OnboardingComesFirst()
    {
        var facts = Onboarding(TimeSpan.FromDays(10)).WithProfile(p => p with { RenewalAt = Now.AddDays(20) });

        Assert.Equal(LifecycleStage.Onboarding, facts.Compute().Lifecycle.Stage);
    }

    [Theory]
    [InlineData(179, 5, LifecycleStage.Adoption)]
    [InlineData(180, 3, LifecycleStage.Adoption)]
    [InlineData(180, 4, LifecycleStage.Maturity)]
    [InlineData(900, 12, LifecycleStage.Maturity)]
    public void Compute_AgeAndFeaturesInUse_AdoptionUntil180DaysAnd4Features(int days, int features, LifecycleStage expected)
    {
        var facts = SignedUp(Settled with { Features = Features(Catalog.Features.Take(features).ToArray()) }, TimeSpan.FromDays(days));

        Assert.Equal(expected, facts.Compute().Lifecycle.Stage);
    }

    [Fact]
    public void Compute_FeaturesWithNoUses_NotCountedAsInUse()
    {
        var facts = Settled with
        {
            Features = [.. Features("dashboards", "reports", "alerts"), new FeatureFact("exports", 0, Now.AddDays(-3))],
        };

        var lifecycle = facts.Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Adoption, lifecycle.Stage);
        Assert.Contains("3 features in use", lifecycle.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LifecycleStage.Onboarding)]
    [InlineData(LifecycleStage.Adoption)]
    [InlineData(LifecycleStage.Maturity)]
    [InlineData(LifecycleStage.Retention)]
    public void Compute_DeclaredStage_WinsOverEveryInferredStage(LifecycleStage declared)
    {
        // Inferred would be Onboarding: twelve days in with core steps missing, renewal near and activity dropping too.
        var facts = SharpDrop(Onboarding(TimeSpan.FromDays(12))).WithProfile(p => p with { LifecycleStage = declared, RenewalAt = Now.AddDays(10) });

        var signals = facts.Compute();

        Assert.Equal(declared, signals.Lifecycle.Stage);
        Assert.Equal(SignalSource.Declared, signals.Lifecycle.StageSource);
        Assert.Equal($"{declared}: declared by the integration.", signals.Lifecycle.Reasons[0]);
        var signal = signals.Signal("lifecycleStage");
        Assert.Equal(declared.ToString(), signal.Value);
        Assert.Equal(SignalSource.Declared, signal.Source);
    }

    [Fact]
    public void Compute_DeclaredMaturityForBrandNewCustomer_OverridesOnboarding()
    {
        var facts = WithoutEvents(daysAgo: 1).WithProfile(p => p with { LifecycleStage = LifecycleStage.Maturity });

        var lifecycle = facts.Compute().Lifecycle;

        Assert.Equal(LifecycleStage.Maturity, lifecycle.Stage);
        Assert.Equal(SignalSource.Declared, lifecycle.StageSource);
    }

    // --- At risk ---

    [Fact]
    public void Compute_NothingWrong_NotAtRiskComputedWithReason()
    {
        var lifecycle = Settled.Compute().Lifecycle;

        Assert.False(lifecycle.AtRisk);
        Assert.Equal(SignalSource.Computed, lifecycle.AtRiskSource);
        Assert.Equal("No sign of risk: activity steady, no failed payment near renewal, no low rating.", lifecycle.Reasons[1]);
    }

    [Fact]
    public void Compute_ActivityDroppedSharply_AtRiskNamingTheDrop()
    {
        var lifecycle = SharpDrop(Settled).Compute().Lifecycle;

        Assert.True(lifecycle.AtRisk);
        Assert.Equal(SignalSource.Computed, lifecycle.AtRiskSource);
        Assert.StartsWith("At risk: 1 events in the last 7 days vs a usual week of 10", lifecycle.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FailedPaymentWithRenewalNear_AtRisk()
    {
        var facts = Settled.WithProfile(p => p with { RenewalAt = Now.AddDays(60) }) with { Transactions = new TransactionFacts(2, 100m, 0m) };

        var lifecycle = facts.Compute().Lifecycle;

        Assert.True(lifecycle.AtRisk);
        Assert.Equal("At risk: 2 failed payment(s) in 90 days with renewal near.", lifecycle.Reasons[1]);
    }

    [Fact]
    public void Compute_FailedPaymentWithRenewalFarOff_NotAtRisk() =>
        Assert.False((Settled with { Transactions = new TransactionFacts(1, 100m, 0m) }).Compute().Lifecycle.AtRisk);

    [Fact]
    public void Compute_FailedPaymentWithNoRenewalDate_NotAtRisk() =>
        Assert.False((Settled.WithProfile(p => p with { RenewalAt = null }) with { Transactions = new TransactionFacts(1, 0m, 0m) })
            .Compute().Lifecycle.AtRisk);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(5, false)]
    public void Compute_LastRating_AtRiskAtTwoOrBelow(int csat, bool atRisk)
    {
        var facts = Settled with { Conversations = NoConversations with { Total = 1, LastCsat = csat, LastCsatAt = Now.AddDays(-2) } };

        var lifecycle = facts.Compute().Lifecycle;

        Assert.Equal(atRisk, lifecycle.AtRisk);
        if (atRisk)
        {
            Assert.Equal($"At risk: last rating {csat} of 5.", lifecycle.Reasons[1]);
        }
    }

    [Fact]
    public void Compute_RepeatedErrorWhileConversationOpen_AtRiskNamingTheError()
    {
        var facts = Settled with
        {
            RecentErrors = [new ErrorFact("auth-failed", 3, Now.AddHours(-4)), new ErrorFact("sync-timeout", 5, Now.AddHours(-1))],
            Conversations = NoConversations with { Total = 1, Open = 1 },
        };

        var lifecycle = facts.Compute().Lifecycle;

        Assert.True(lifecycle.AtRisk);
        Assert.Equal("At risk: sync-timeout raised 5 times in 7 days while a conversation is open.", lifecycle.Reasons[1]);
    }

    [Fact]
    public void Compute_RepeatedErrorWithNoOpenConversation_NotAtRisk() =>
        Assert.False((Settled with { RecentErrors = [new ErrorFact("sync-timeout", 5, Now.AddHours(-1))] }).Compute().Lifecycle.AtRisk);

    [Fact]
    public void Compute_ErrorBelowRepeatThresholdWhileConversationOpen_NotAtRisk()
    {
        var facts = Settled with
        {
            RecentErrors = [new ErrorFact("sync-timeout", CustomerSignals.RepeatedErrorThreshold - 1, Now.AddHours(-1))],
            Conversations = NoConversations with { Total = 1, Open = 1 },
        };

        Assert.False(facts.Compute().Lifecycle.AtRisk);
    }

    [Fact]
    public void Compute_SeveralCauses_ReasonListsEach()
    {
        var facts = SharpDrop(Settled) with { Conversations = NoConversations with { Total = 1, LastCsat = 1, LastCsatAt = Now.AddDays(-1) } };

        var reason = facts.Compute().Lifecycle.Reasons[1];

        Assert.StartsWith("At risk: 1 events in the last 7 days", reason, StringComparison.Ordinal);
        Assert.EndsWith("; last rating 1 of 5.", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DeclaredAtRisk_WinsWithNoCause()
    {
        var signals = Settled.WithProfile(p => p with { AtRisk = true }).Compute();

        Assert.True(signals.Lifecycle.AtRisk);
        Assert.Equal(SignalSource.Declared, signals.Lifecycle.AtRiskSource);
        Assert.Equal("At risk: declared by the integration.", signals.Lifecycle.Reasons[1]);
        var signal = signals.Signal("atRisk");
        Assert.Equal("Yes", signal.Value);
        Assert.Equal(SignalSource.Declared, signal.Source);
        Assert.True(signal.Top);
        Assert.True(signal.Alert);
    }

    [Fact]
    public void Compute_DeclaredNotAtRisk_WinsOverEveryCause()
    {
        var facts = SharpDrop(Settled).WithProfile(p => p with { AtRisk = false, RenewalAt = Now.AddDays(30) }) with
        {
            Transactions = new TransactionFacts(3, 0m, 0m),
            Conversations = NoConversations with { Total = 1, Open = 1, LastCsat = 1, LastCsatAt = Now.AddDays(-1) },
        };

        var signals = facts.Compute();

        Assert.False(signals.Lifecycle.AtRisk);
        Assert.Equal(SignalSource.Declared, signals.Lifecycle.AtRiskSource);
        Assert.Equal("Not at risk: declared by the integration.", signals.Lifecycle.Reasons[1]);
        Assert.Equal("No", signals.Signal("atRisk").Value);
        Assert.False(signals.Signal("atRisk").Top);
    }

    [Fact]
    public void Compute_DeclaredStageOnly_AtRiskStillInferred()
    {
        var lifecycle = SharpDrop(Settled).WithProfile(p => p with { LifecycleStage = LifecycleStage.Adoption }).Compute().Lifecycle;

        Assert.Equal(SignalSource.Declared, lifecycle.StageSource);
        Assert.True(lifecycle.AtRisk);
        Assert.Equal(SignalSource.Computed, lifecycle.AtRiskSource);
    }

    [Fact]
    public void Compute_AnyFacts_TwoReasonsStageThenRisk()
    {
        var lifecycle = Onboarding(TimeSpan.FromDays(3)).Compute().Lifecycle;

        Assert.Equal(2, lifecycle.Reasons.Count);
        Assert.StartsWith("Onboarding:", lifecycle.Reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("No sign of risk", lifecycle.Reasons[1], StringComparison.Ordinal);
    }
}
