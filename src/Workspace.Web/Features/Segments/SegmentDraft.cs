using Workspace.Data.Segments;
using Workspace.Domain.Segments;
using Workspace.Domain.Validation;

namespace Workspace.Web.Features.Segments;

/// <summary>The segment being edited, as plain state: validated on every change, without rendering.</summary>
public sealed class SegmentDraft
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool MatchAll { get; set; } = true;
    public bool IsNew { get; set; } = true;
    public List<ConditionDraft> Conditions { get; } = [new()];

    public static SegmentDraft From(Segment segment)
    {
        var draft = new SegmentDraft { Key = segment.Key, Name = segment.Name, Description = segment.Description, MatchAll = segment.Definition.MatchAll, IsNew = false };
        draft.Conditions.Clear();
        draft.Conditions.AddRange(segment.Definition.Conditions.Select(c => new ConditionDraft { Field = c.Field, Operator = c.Operator, Values = string.Join(", ", c.Values) }));
        return draft;
    }

    public SegmentDefinition ToDefinition() => new(MatchAll, Conditions
        .Select(c => new SegmentCondition(c.Field, c.Operator, c.Values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        .ToList());

    public ValidationErrors Validate()
    {
        var errors = ToDefinition().Validate();
        if (!Workspace.Domain.Validation.Check.IsExternalId(Key) || Key.Length > 64)
        {
            errors.Add("key", "The key is 1 to 64 letters, digits, '-', '_', '.' (it names the segment in rules and the API).");
        }
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            errors.Add("name", "Give the segment a name of at most 100 characters.");
        }
        if (Description is { Length: > 500 })
        {
            errors.Add("description", "At most 500 characters.");
        }
        return errors;
    }
}

public sealed class ConditionDraft
{
    public string Field { get; set; } = "tier";
    public SegmentOperator Operator { get; set; } = SegmentOperator.Equals;
    public string Values { get; set; } = "";
}
