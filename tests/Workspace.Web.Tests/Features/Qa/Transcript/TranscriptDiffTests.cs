using Workspace.Domain.Quality.Timeline;
using Workspace.Web.Features.Qa.Transcript;

namespace Workspace.Web.Tests.Features.Qa.Transcript;

public sealed class TranscriptDiffTests
{
    private static string Side(IReadOnlyList<DiffPiece> diff, DiffChange without) => string.Concat(diff.Where(p => p.Change != without).Select(p => p.Text));

    [Fact]
    public void Words_AgentChangedAWordAndAddedALine_OnlyThoseMarked()
    {
        const string rendered = "Hi Ada,\nyour invoice for May is attached.";
        const string sent = "Hi Ada,\nyour invoice for June is attached.\nSorry for the delay.";

        var diff = TranscriptDiff.Words(rendered, sent);

        Assert.Equal(rendered, Side(diff, DiffChange.Added));
        Assert.Equal(sent, Side(diff, DiffChange.Removed));
        Assert.Equal(["May"], diff.Where(p => p.Change == DiffChange.Removed).Select(p => p.Text.Trim()));
        Assert.Contains(diff, p => p.Change == DiffChange.Added && p.Text.Contains("June", StringComparison.Ordinal));
        Assert.Contains(diff, p => p.Change == DiffChange.Added && p.Text.Contains("Sorry for the delay", StringComparison.Ordinal));
        Assert.DoesNotContain(diff, p => p.Change != DiffChange.Kept && p.Text.Contains("invoice", StringComparison.Ordinal));
    }

    [Fact]
    public void Words_SentAsRendered_OneKeptPiece() =>
        Assert.Equal([(DiffChange.Kept, "Hello Ada")], TranscriptDiff.Words("Hello Ada", "Hello Ada").Select(p => (p.Change, p.Text)));
}
