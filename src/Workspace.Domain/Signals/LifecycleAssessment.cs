using Workspace.Domain.Customers;

namespace Workspace.Domain.Signals;

/// <summary>The customer's lifecycle stage and at-risk flag, each with its source and the reasons behind it.</summary>
public sealed record LifecycleAssessment(
    LifecycleStage Stage,
    SignalSource StageSource,
    bool AtRisk,
    SignalSource AtRiskSource,
    IReadOnlyList<string> Reasons);
