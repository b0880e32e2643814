using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class TemplateFeedbackTests
{
    private static IEnumerable<(string, int, bool, bool)> Uses(string key, int version, int uses, int edited, int misfits) =>
        Enumerable.Range(0, uses).Select(i => (key, version, i < edited, i < misfits));

    [Fact]
    public void PerVersion_EditsAndMisfits_CountedPerVersion()
    {
        var rows = Uses("welcome", 1, uses: 4, edited: 1, misfits: 0)
            .Concat(Uses("welcome", 2, uses: 8, edited: 3, misfits: 2))
            .Concat(Uses("refund", 1, uses: 1, edited: 1, misfits: 1));

        var figures = TemplateFeedback.PerVersion(rows, [("refund", 2)]);

        Assert.Equal(
            [("refund", 2, 0, 0, null, 0), ("refund", 1, 1, 1, 1.0, 1), ("welcome", 2, 8, 3, 0.375, 2), ("welcome", 1, 4, 1, 0.25, 0)],
            figures.Select(f => (f.Key, f.Version, f.Uses, f.Edited, f.EditRate, f.MisfitFlags)));
        Assert.Equal("Edited in 3 of 8 uses; flagged as a misfit 2 times.", figures[2].Reason);
        Assert.Equal("Edited in 1 of 1 use; flagged as a misfit once.", figures[1].Reason);
        Assert.Equal("Not used in the period.", figures[0].Reason);
    }

    [Fact]
    public void PerVersion_ReviewsFlaggingAVersion_CountOnlyThatVersion()
    {
        // Each use paired with the review of its conversation; the misfit flag names version 2.
        var review = SampleScorecards.Review(2, 4, 3, null, new TemplateMisfit("welcome", 2));
        (string Key, int Version, bool Edited)[] used = [("welcome", 1, false), ("welcome", 2, true)];

        var figures = TemplateFeedback.PerVersion(used.Select(u => (u.Key, u.Version, u.Edited, review.FlagsMisfit(u.Key, u.Version))));

        Assert.Equal([(2, 1), (1, 0)], figures.Select(f => (f.Version, f.MisfitFlags)));
    }

    [Fact]
    public void PerVersion_NeverEdited_ZeroRateNotNull() =>
        Assert.Equal(0.0, Assert.Single(TemplateFeedback.PerVersion(Uses("welcome", 1, 3, 0, 0))).EditRate);
}
