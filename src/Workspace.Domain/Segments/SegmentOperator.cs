namespace Workspace.Domain.Segments;

/// <summary>How a segment condition compares a customer's value with the expected value(s).</summary>
public enum SegmentOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    GreaterThan,
    AtLeast,
    LessThan,
    AtMost,
}
