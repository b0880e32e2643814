namespace Workspace.Domain.Templates;

/// <summary>
/// Everything a template may read, as plain values: the allow-listed model. It is built per render from
/// the customer's context (masked per the viewer's field policy), the conversation and the agent; a
/// template sees nothing else: no .NET objects, no services, no files.
/// </summary>
public sealed record TemplateData(
    CustomerData Customer,
    SignalData Signals,
    LifecycleData Lifecycle,
    IReadOnlyList<SegmentData> Segments,
    ConversationData? Conversation,
    AgentData? Agent,
    RecommendationData Recommendations,
    string Tone);

/// <summary>The customer's profile. Masked fields hold the mask, never the value.</summary>
public sealed record CustomerData(
    string Name,
    string FirstName,
    string? Company,
    string Tier,
    string? Plan,
    string? Locale,
    string? Email,
    string ExperienceLevel);

/// <summary>The customer's signals. The value score is null when the viewer may not see the money it is computed from.</summary>
public sealed record SignalData(
    int? ValueScore,
    string LifecycleStage,
    bool AtRisk,
    int OnboardingPercent,
    IReadOnlyList<string> FailedSteps,
    string? NextOnboardingStep,
    string ActivityTrend,
    IReadOnlyList<string> FeaturesUsed,
    IReadOnlyList<string> FeaturesNotUsed,
    bool RepeatContact,
    int? LastCsat,
    int OpenIssues,
    IReadOnlyList<string> RepeatedErrors);

public sealed record LifecycleData(string Stage, bool AtRisk, string Reason);

public sealed record SegmentData(string Key, string Name);

public sealed record ConversationData(long Id, string? Subject, string Channel, string? Intent, string Priority, string? Team, DateTimeOffset OpenedAt);

public sealed record AgentData(string Name, string FirstName, string? Team);

/// <summary>What to suggest next: the failed onboarding step and the one after it, a feature not used yet, knowledge links when they exist.</summary>
public sealed record RecommendationData(string? FailedStep, string? NextOnboardingStep, string? UnusedFeature, IReadOnlyList<KnowledgeLink> KnowledgeLinks);

public sealed record KnowledgeLink(string Title, string Url);
