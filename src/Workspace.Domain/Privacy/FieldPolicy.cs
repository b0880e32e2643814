using Workspace.Domain.Staff;

namespace Workspace.Domain.Privacy;

/// <summary>
/// Which customer fields are contact, financial or sensitive, and what each role may see. Fields are
/// named as the API names them (<c>email</c>, <c>phone</c>, <c>arr</c>, <c>lifetimeValue</c>,
/// <c>transactions</c>, and custom attributes as <c>attributes.&lt;name&gt;</c>); anything unlisted is public.
/// </summary>
public sealed record FieldPolicy(IReadOnlyDictionary<string, FieldClass> Fields)
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Arr = "arr";
    public const string LifetimeValue = "lifetimeValue";
    public const string Transactions = "transactions";

    public static readonly IReadOnlyList<string> BuiltInFields = [Email, Phone, Arr, LifetimeValue, Transactions];

    public const string Mask = "•••";

    public FieldClass ClassOf(string field) => Fields.TryGetValue(field, out var c) ? c : FieldClass.Public;

    /// <summary>
    /// Contact fields: agents, leads and admins see them; QA may reveal. Financial: leads and admins
    /// see them; agents may reveal; QA never. Sensitive: only leads and admins, and only by revealing.
    /// </summary>
    public static FieldAccess AccessFor(FieldClass field, IReadOnlySet<Role> roles)
    {
        bool Any(params Role[] allowed) => allowed.Any(roles.Contains);
        return field switch
        {
            FieldClass.Public => FieldAccess.Visible,
            FieldClass.Contact => Any(Role.Agent, Role.Lead, Role.Admin) ? FieldAccess.Visible : Any(Role.QA) ? FieldAccess.Revealable : FieldAccess.Hidden,
            FieldClass.Financial => Any(Role.Lead, Role.Admin) ? FieldAccess.Visible : Any(Role.Agent) ? FieldAccess.Revealable : FieldAccess.Hidden,
            FieldClass.Sensitive => Any(Role.Lead, Role.Admin) ? FieldAccess.Revealable : FieldAccess.Hidden,
        };
    }

    public FieldAccess AccessFor(string field, IReadOnlySet<Role> roles) => AccessFor(ClassOf(field), roles);

    /// <summary>API keys: an integration key sees what it pushes (contact, financial) but not sensitive fields; a full key sees all.</summary>
    public bool VisibleToApi(string field, bool fullScope) => fullScope || ClassOf(field) != FieldClass.Sensitive;

    /// <summary>The masked form: enough to recognise an email's domain, nothing else.</summary>
    public static string MaskValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Mask;
        }
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? $"{value[0]}{Mask}{value[at..]}" : Mask;
    }
}
