using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class TemplateFeedbackTests
{
    private static IEnumerable<(string, int, bool)> Uses(string key, int version, int uses, int edited) =>
        Enumerable.Range(0, uses).Select(i => (key, version, i < edited));

    private static IEnumerable<(string, int)> Flags(string key, int version, int count) => Enumerable.Repeat((key, version), count);

    [Fact]
    public void PerVersion_EditsAndMisfits_CountedPerVersion()
    {
        var rows = Uses("welcome", 1, uses: 4, edited: 1)
            .Concat(Uses("welcome", 2, uses: 8, edited: 3))
            .Concat(Uses("refund", 1, uses: 1, edited: 1));

        var figures = TemplateFeedback.PerVersion(rows, Flags("welcome", 2, 2).Concat(Flags("refund", 1, 1)), [("refund", 2)]);

        Assert.Equal(
            [("refund", 2, 0, 0, null, 0), ("refund", 1, 1, 1, 1.0, 1), ("welcome", 2, 8, 3, 0.375, 2), ("welcome", 1, 4, 1, 0.25, 0)],
            figures.Select(f => (f.Key, f.Version, f.Uses, f.Edited, f.EditRate, f.MisfitFlags)));
        Assert.Equal("Edited in 3 of 8 uses; flagged as a misfit 2 times.", figures[2].Reason);
        Assert.Equal("Edited in 1 of 1 use; flagged as a misfit once.", figures[1].Reason);
        Assert.Equal("Not used in the period.", figures[0].Reason);
    }

    [Fact]
    public void PerVersion_AVersionUsedTwiceInOneFlaggedConversation_OneFlag()
    {
        var figures = TemplateFeedback.PerVersion(Uses("welcome", 2, uses: 2, edited: 0), Flags("welcome", 2, 1));

        Assert.Equal((2, 1), figures.Select(f => (f.Uses, f.MisfitFlags)).Single());
    }

    [Fact]
    public void PerVersion_FlaggedOnlyOnAnAutomatedReply_ListedWithItsFlag()
    {
        var figures = TemplateFeedback.PerVersion([], Flags("outage", 1, 1));

        var outage = Assert.Single(figures);
        Assert.Equal((0, 1, "Not sent by an agent in the period; flagged as a misfit once."), (outage.Uses, outage.MisfitFlags, outage.Reason));
    }

    [Fact]
    public void PerVersion_NeverEdited_ZeroRateNotNull() =>
        Assert.Equal(0.0, Assert.Single(TemplateFeedback.PerVersion(Uses("welcome", 1, 3, 0))).EditRate);
}
