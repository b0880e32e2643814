using Workspace.Data.Audit;

namespace Workspace.Data.Tests.Support;

public static class AuditQueries
{
    /// <summary>The entries for one action and target, newest first (other tests may share the log).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(this AuditLog log, string action, string target, CancellationToken ct)
    {
        var (rows, _) = await log.PageAsync(action, 0, 500, ct);
        return rows.Where(r => r.Target == target).ToList();
    }
}
