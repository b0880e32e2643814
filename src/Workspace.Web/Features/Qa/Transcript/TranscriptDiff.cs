using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Workspace.Domain.Quality.Timeline;
using DiffPiece = Workspace.Domain.Quality.Timeline.DiffPiece;

namespace Workspace.Web.Features.Qa.Transcript;

/// <summary>What a template rendered against what the agent sent, word by word, with DiffPlex (as template version diffs use it).</summary>
public static class TranscriptDiff
{
    public static IReadOnlyList<DiffPiece> Words(string before, string after)
    {
        var diff = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<DiffPiece>(diff.Lines.Count);
        foreach (var chunk in diff.Lines)
        {
            var change = chunk.Type switch
            {
                ChangeType.Inserted => DiffChange.Added,
                ChangeType.Deleted => DiffChange.Removed,
                ChangeType.Unchanged or ChangeType.Modified or ChangeType.Imaginary => DiffChange.Kept,
                _ => DiffChange.Kept,
            };
            // Consecutive words of one change read as one phrase.
            if (pieces.Count > 0 && pieces[^1].Change == change)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + chunk.Text };
            }
            else
            {
                pieces.Add(new DiffPiece(change, chunk.Text));
            }
        }
        return pieces;
    }
}
