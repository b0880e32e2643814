using Workspace.Domain.Customers;
using Workspace.Domain.Routing;
using Workspace.Domain.Templates;
using Workspace.Domain.Validation;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// The template being edited, as plain state: settings as the fields show them (lists comma-separated,
/// fragments one per line), the body and the test cases; validated on every change, without rendering.
/// </summary>
public sealed class TemplateEditorDraft
{
    public const int MaxKeyLength = 64;
    public const int MaxNameLength = 100;

    /// <summary>What a new template starts with: a greeting, a tone branch and nothing the library may lack.</summary>
    public const string StarterBody = """
        Hi {{ customer.first_name }},

        {{ if tone == "guided" }}Explain it step by step here.{{ else }}Say it briefly here.{{ end }}
        """;

    /// <summary>True until the template is first saved: only then can its key be chosen.</summary>
    public bool IsNew { get; private init; }

    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public IReadOnlyList<Intent> Intents { get; set; } = [];
    public IReadOnlyList<LifecycleStage> Stages { get; set; } = [];
    public string? Channel { get; set; }

    /// <summary>Segment keys, comma-separated.</summary>
    public string Segments { get; set; } = "";

    /// <summary>Model paths the template needs, comma-separated.</summary>
    public string RequiredData { get; set; } = "";

    public TemplateTone DefaultTone { get; set; } = TemplateTone.Concise;
    public string Body { get; set; } = "";
    public List<TemplateEditorTestCase> Tests { get; } = [];

    public static TemplateEditorDraft New() => new() { IsNew = true, Body = StarterBody, Tests = { TemplateEditorTestCase.New(1) } };

    public static TemplateEditorDraft From(TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests)
    {
        var draft = new TemplateEditorDraft
        {
            Key = definition.Key,
            Name = definition.Name,
            Intents = [.. definition.Intents],
            Stages = [.. definition.Stages],
            Channel = definition.Channel,
            Segments = string.Join(", ", definition.SegmentKeys),
            RequiredData = string.Join(", ", definition.RequiredData),
            DefaultTone = definition.DefaultTone,
            Body = definition.Body,
        };
        draft.Tests.AddRange(tests.Select(TemplateEditorTestCase.From));
        return draft;
    }

    public IReadOnlyList<string> RequiredPaths => Split(RequiredData);

    public IReadOnlyList<string> SegmentKeys => Split(Segments);

    public TemplateDefinition ToDefinition()
    {
        var segments = SegmentKeys;
        return new TemplateDefinition(Key.Trim(), Name.Trim(),
            [.. Intents.Distinct()],
            [.. Stages.Distinct()],
            string.IsNullOrWhiteSpace(Channel) ? null : Channel,
            RequiredPaths, DefaultTone, Body,
            segments.Count > 0 ? segments : null);
    }

    public IReadOnlyList<TemplateTestCase> ToTestCases() => [.. Tests.Select(t => t.ToTestCase())];

    /// <summary>
    /// Every problem with the settings and test cases. <paramref name="takenKeys"/> are the keys a new template
    /// may not use; <paramref name="segmentKeys"/> the segments that exist. The body's own errors come from
    /// compiling it (<see cref="TemplateEditorCheck"/>): a draft may be saved with them, not published.
    /// </summary>
    public ValidationErrors Validate(IReadOnlyCollection<string> takenKeys, IReadOnlyCollection<string> segmentKeys)
    {
        var errors = new ValidationErrors();
        var key = Key.Trim();
        if (IsNew)
        {
            if (!IsKey(key))
            {
                errors.Add("key", $"The key is 1 to {MaxKeyLength} letters, digits, '-' or '_'; it names the template for good.");
            }
            else if (takenKeys.Contains(key))
            {
                errors.Add("key", $"A template with the key {key} exists already.");
            }
        }
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            errors.Add("name", $"Give the template a name of at most {MaxNameLength} characters.");
        }
        foreach (var path in RequiredPaths.Where(p => !TemplateModel.Paths.Contains(p)))
        {
            errors.Add("requiredData", $"'{path}' is not a field of the template model (see the reference).");
        }
        foreach (var segment in SegmentKeys.Where(s => !segmentKeys.Contains(s)))
        {
            errors.Add("segments", $"No segment has the key '{segment}'.");
        }
        if (string.IsNullOrWhiteSpace(Body))
        {
            errors.Add("body", "Write the template's text.");
        }
        else if (Body.Length > TemplateLimits.MaxSourceLength)
        {
            errors.Add("body", $"A template is at most {TemplateLimits.MaxSourceLength:N0} characters; this one has {Body.Length:N0}.");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Tests.Count; i++)
        {
            Tests[i].Validate(errors, $"tests[{i}]");
            if (!string.IsNullOrWhiteSpace(Tests[i].Name) && !names.Add(Tests[i].Name.Trim()))
            {
                errors.Add($"tests[{i}].name", "Another test case has this name.");
            }
        }
        return errors;
    }

    /// <summary>
    /// A multi-select's new choice in the order the template had it, newly chosen values last: reordering alone
    /// would show up as a change in the version's diff.
    /// </summary>
    public static IReadOnlyList<T> Reselect<T>(IReadOnlyList<T> before, IEnumerable<T> chosen)
    {
        var now = chosen.ToList();
        return [.. before.Where(now.Contains), .. now.Where(v => !before.Contains(v))];
    }

    /// <summary>A template or block key: 1 to 64 letters, digits, '-' or '_'.</summary>
    public static bool IsKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
}
