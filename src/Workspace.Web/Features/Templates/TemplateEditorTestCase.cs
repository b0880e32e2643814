using System.Text.Json;
using Workspace.Domain.Routing;
using Workspace.Domain.Templates;
using Workspace.Domain.Validation;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// One saved test case as the editor holds it: the context is a customer (by external id) or hand-built
/// data written as JSON, and the expected fragments are one per line.
/// </summary>
public sealed class TemplateEditorTestCase
{
    public const int MaxNameLength = 100;

    private static readonly JsonSerializerOptions Indented = new(RoutingJson.Options) { WriteIndented = true };

    public string Name { get; set; } = "";

    /// <summary>True when the case renders hand-built data (<see cref="DataJson"/>) instead of a customer's.</summary>
    public bool HandBuilt { get; set; }

    public string CustomerExternalId { get; set; } = "";

    public string DataJson { get; set; } = "";

    /// <summary>The tone to render in; null means the template's default tone.</summary>
    public TemplateTone? Tone { get; set; }

    public string MustContain { get; set; } = "";

    public string MustNotContain { get; set; } = "";

    /// <summary>The reference page's example customer as JSON: a starting point for hand-built data.</summary>
    public static string ExampleJson => JsonSerializer.Serialize(TemplateModel.Example, Indented);

    public static TemplateEditorTestCase New(int number) => new() { Name = $"Test case {number}", CustomerExternalId = "cus_0002" };

    public static TemplateEditorTestCase From(TemplateTestCase test) => new()
    {
        Name = test.Name,
        HandBuilt = test.Data is not null,
        CustomerExternalId = test.CustomerExternalId ?? "",
        DataJson = test.Data is { } data ? JsonSerializer.Serialize(data, Indented) : "",
        Tone = test.Tone,
        MustContain = string.Join('\n', test.MustContain),
        MustNotContain = string.Join('\n', test.MustNotContain),
    };

    /// <summary>The saved form; call it on a case that validated (hand-built data that does not parse is left out).</summary>
    public TemplateTestCase ToTestCase() => new(
        Name.Trim(),
        HandBuilt ? null : CustomerExternalId.Trim(),
        HandBuilt ? ParseData().Data : null,
        Tone,
        Fragments(MustContain),
        Fragments(MustNotContain));

    public void Validate(ValidationErrors errors, string at)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            errors.Add($"{at}.name", $"Name the test case (at most {MaxNameLength} characters).");
        }
        if (!HandBuilt && !Check.IsExternalId(CustomerExternalId.Trim()))
        {
            errors.Add($"{at}.customer", "Enter a customer's external id, such as cus_0002.");
        }
        if (HandBuilt && ParseData().Problem is { } problem)
        {
            errors.Add($"{at}.data", problem);
        }
        var both = Fragments(MustContain).Intersect(Fragments(MustNotContain), StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            errors.Add($"{at}.fragments", $"“{both[0]}” cannot be both expected and forbidden.");
        }
    }

    /// <summary>The hand-built data, or why it cannot be used: not JSON, or not the shape of the template model.</summary>
    public (TemplateData? Data, string? Problem) ParseData()
    {
        if (string.IsNullOrWhiteSpace(DataJson))
        {
            return (null, "Write the data as JSON (start from the example customer).");
        }
        TemplateData? data;
        try
        {
            data = JsonSerializer.Deserialize<TemplateData>(DataJson, RoutingJson.Options);
        }
        catch (JsonException e)
        {
            return (null, $"The data is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }
        if (data is null || data.Customer is null || data.Signals is null || data.Lifecycle is null || data.Recommendations is null)
        {
            return (null, "The data needs at least customer, signals, lifecycle and recommendations.");
        }
        return (data, null);
    }

    private static List<string> Fragments(string lines) =>
        [.. lines.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)];
}
