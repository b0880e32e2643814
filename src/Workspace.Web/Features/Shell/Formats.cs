using System.Globalization;

namespace Workspace.Web.Features.Shell;

/// <summary>Display formats shared by pages; money is shown in US dollars as the demo data is.</summary>
public static class Formats
{
    public static readonly CultureInfo Money = CultureInfo.GetCultureInfo("en-US");

    public static string When(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
