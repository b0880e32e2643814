using CsvHelper;

namespace Workspace.Web.Features.Qa.Export;

/// <summary>
/// Writes rows as an RFC 4180 CSV file with CsvHelper: a header, then one record per row; fields with a
/// comma, quote or line break are quoted with inner quotes doubled; UTF-8 with a byte order mark so
/// spreadsheets read accents right; a text starting like a formula (= + - @) gets a leading apostrophe so
/// a spreadsheet shows it instead of running it (customer text is untrusted).
/// </summary>
/// <example>
/// <code>
/// CsvColumn&lt;Row&gt;[] columns = [new("Id", r => r.Id.ToString(CultureInfo.InvariantCulture)), new("Body", r => r.Body)];
/// return CsvExport.File("rows.csv", rows, columns);   // from a minimal API endpoint
/// </code>
/// Mask values before they reach the columns, and audit the export with the row count (see <c>TranscriptService</c>).
/// </example>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    /// <summary>Writes the header and the rows to <paramref name="destination"/> (left open); returns the number of rows written.</summary>
    public static async Task<int> WriteAsync<T>(Stream destination, IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader([.. columns.Select(c => c.Header)]);
        var count = 0;
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Value(row));
            }
            await csv.EndRecordAsync(ct);
            count++;
        }
        await csv.FlushAsync(ct);
        return count;
    }

    /// <summary>An endpoint result that downloads the rows as <paramref name="fileName"/>.</summary>
    public static IResult File<T>(string fileName, IReadOnlyList<T> rows, IReadOnlyList<CsvColumn<T>> columns) =>
        Results.Stream(stream => WriteAsync(stream, rows, columns, CancellationToken.None), ContentType, fileName);
}
