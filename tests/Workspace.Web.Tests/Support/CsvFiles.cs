using CsvHelper;

namespace Workspace.Web.Tests.Support;

public static class CsvFiles
{
    /// <summary>Every record of a downloaded CSV file, the header first, read back with the same CSV library.</summary>
    public static List<string[]> Records(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { HasHeader = false });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return records;
    }
}
