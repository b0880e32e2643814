namespace Workspace.Domain.Quality;

/// <summary>
/// How well one routing rule routed over a period: of the conversations it routed, how many a reviewer flagged as
/// wrong routing, how many were reassigned, and the share with neither (null when it routed none).
/// </summary>
public sealed record RuleAccuracy(string RuleId, string RuleName, int Conversations, int Flagged, int Reassigned, int Accurate, double? Accuracy, string Reason);
