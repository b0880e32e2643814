using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

/// <summary>A support scorecard with unequal weights and highest scores, one criterion that may not apply.</summary>
internal static class SampleScorecards
{
    public static readonly Scorecard Support = new("support", "Support conversation",
    [
        new("greeting", "Greeting", "Greets by name and sets expectations.", Weight: 10, MaxScore: 2),
        new("accuracy", "Accuracy", "The answer is correct and complete.", Weight: 50, MaxScore: 5),
        new("empathy", "Empathy", null, Weight: 20, MaxScore: 4),
        new("refund", "Refund handled", "Offers the refund the policy allows.", Weight: 20, MaxScore: 1, AllowNotApplicable: true),
    ]);

    public static ReviewInput Review(int greeting, int accuracy, int empathy, int? refund, params ReviewFlag[] flags) => new(
    [
        CriterionAnswer.Scored("greeting", greeting),
        CriterionAnswer.Scored("accuracy", accuracy),
        CriterionAnswer.Scored("empathy", empathy),
        refund is { } r ? CriterionAnswer.Scored("refund", r) : CriterionAnswer.NotApplicable("refund"),
    ], null, flags);
}
