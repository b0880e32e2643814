namespace Workspace.Data.Database;

/// <summary>Money is stored in minor units (cents): exact, and summable by both providers.</summary>
public static class Money
{
    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal FromMinor(long minor) => minor / 100m;
}
