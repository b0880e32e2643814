namespace Workspace.Web.Features.Qa.Export;

/// <summary>One column of a CSV export: its header and how a row gives its value (null writes an empty field).</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Value);
