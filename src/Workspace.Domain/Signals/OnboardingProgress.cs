namespace Workspace.Domain.Signals;

/// <summary>Which core onboarding steps are done, which last failed, and the next one to take.</summary>
public sealed record OnboardingProgress(IReadOnlyList<string> Completed, IReadOnlyList<string> FailedSteps, string? NextStep, int Total)
{
    public int Percent => Total == 0 ? 100 : (int)Math.Round(100.0 * Completed.Count / Total);

    public bool Complete => Completed.Count == Total;

    public string Reason =>
        Complete ? $"All {Total} core steps done."
        : FailedSteps.Count > 0 ? $"{Completed.Count} of {Total} core steps done; failed: {string.Join(", ", FailedSteps)}; next: {NextStep}."
        : $"{Completed.Count} of {Total} core steps done; next: {NextStep}.";

    /// <summary>A step counts by its latest outcome: a failure later completed is done, a completion never undone.</summary>
    public static OnboardingProgress From(IReadOnlyList<OnboardingStepFact> steps, ProductCatalog catalog)
    {
        var latest = steps
            .Where(s => catalog.OnboardingSteps.Contains(s.Step, StringComparer.Ordinal))
            .GroupBy(s => s.Step, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Any(s => s.Completed) ? true : false, StringComparer.Ordinal);
        var completed = catalog.OnboardingSteps.Where(s => latest.TryGetValue(s, out var done) && done).ToList();
        var failed = catalog.OnboardingSteps.Where(s => latest.TryGetValue(s, out var done) && !done).ToList();
        var next = catalog.OnboardingSteps.FirstOrDefault(s => !completed.Contains(s, StringComparer.Ordinal));
        return new OnboardingProgress(completed, failed, next, catalog.OnboardingSteps.Count);
    }
}
