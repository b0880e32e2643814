using System.Globalization;
using Workspace.Domain.Privacy;
using Workspace.Domain.Quality.Timeline;
using Workspace.Web.Features.Qa.Export;

namespace Workspace.Web.Features.Qa.Transcript;

/// <summary>The transcript export: one row per timeline entry, in timeline order, masked as the screen masks it.</summary>
public static class TranscriptCsv
{
    public static readonly IReadOnlyList<CsvColumn<TimelineEntry>> Columns =
    [
        new("Time (UTC)", e => e.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)),
        new("Kind", e => TranscriptFormat.KindLabel(e.Kind)),
        new("Actor", e => e.Actor),
        new("Summary", e => e.Title),
        new("Message", e => e.Text),
        new("Template", e => e.Template?.Key),
        new("Template version", e => e.Template?.Version?.ToString(CultureInfo.InvariantCulture)),
        new("Edited", e => e.Template is null ? null : e.Template.Edited ? "yes" : "no"),
        new("Template rendered", e => e.Template is { } t ? t.Rendered ?? (t.RenderedHidden ? FieldPolicy.Mask : null) : null),
        new("Changes to the template text", e => e.Template is { HasDiff: true } t ? TranscriptFormat.DiffText(t.Diff) : null),
        new("Details", e => e.Details.Count == 0 ? null : TranscriptFormat.DetailsText(e.Details)),
    ];

    public static string FileName(long conversationId) => $"conversation-{conversationId}-transcript.csv";
}
