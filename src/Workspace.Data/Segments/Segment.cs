using Workspace.Domain.Segments;

namespace Workspace.Data.Segments;

public sealed record Segment(long Id, string Key, string Name, string? Description, SegmentDefinition Definition, DateTimeOffset UpdatedAt, string UpdatedBy);
