using Workspace.Domain.Privacy;
using Workspace.Domain.Staff;

namespace Workspace.Web.Features.Privacy;

/// <summary>The field policy as it applies to one viewer, plus the fields they revealed on this page.</summary>
public sealed class ViewerPrivacy(FieldPolicy policy, IReadOnlySet<Role> roles)
{
    private readonly HashSet<string> _revealed = new(StringComparer.Ordinal);

    public FieldPolicy Policy { get; } = policy;

    public FieldAccess AccessFor(string field) =>
        _revealed.Contains(field) ? FieldAccess.Visible : Policy.AccessFor(field, roles);

    public bool Sees(string field) => AccessFor(field) == FieldAccess.Visible;

    public string Show(string field, string? value) => Sees(field) ? value ?? "—" : FieldPolicy.MaskValue(value);

    internal void MarkRevealed(string field) => _revealed.Add(field);
}
