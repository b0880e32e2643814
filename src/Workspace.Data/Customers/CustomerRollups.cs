using System.Data.Common;
using Dapper;

namespace Workspace.Data.Customers;

/// <summary>
/// Rebuilds every customer's roll-ups from their events and transactions, for data written in bulk
/// without going through <see cref="CustomerRepository"/> (the demo and benchmark generators).
/// </summary>
public static class CustomerRollups
{
    private const string ClearSql = """
        DELETE FROM customer_feature_usage;
        DELETE FROM customer_activity_hours;
        DELETE FROM customer_rollups;
        """;
    private const string RebuildFeaturesSql = """
        INSERT INTO customer_feature_usage (customer_id, feature, uses, last_used_at)
        SELECT customer_id, name, COUNT(*), MAX(occurred_at) FROM customer_events WHERE kind = 'FeatureUsed' GROUP BY customer_id, name
        """;
    private const string RebuildActivitySql = """
        INSERT INTO customer_activity_hours (customer_id, hour_bucket, events)
        SELECT customer_id, occurred_at / 3600000, COUNT(*) FROM customer_events WHERE kind IN ('Login', 'FeatureUsed')
        GROUP BY customer_id, occurred_at / 3600000
        """;
    private const string RebuildTotalsSql = """
        INSERT INTO customer_rollups (customer_id, events, last_seen_at, transactions, paid_minor, refunded_minor, outstanding_minor)
        SELECT c.id, COALESCE(e.events, 0), e.last_seen_at, COALESCE(t.transactions, 0), COALESCE(t.paid, 0), COALESCE(t.refunded, 0), COALESCE(t.outstanding, 0)
        FROM customers c
        LEFT JOIN (SELECT customer_id, COUNT(*) AS events, MAX(occurred_at) AS last_seen_at FROM customer_events GROUP BY customer_id) e
            ON e.customer_id = c.id
        LEFT JOIN (SELECT customer_id, COUNT(*) AS transactions,
                          SUM(CASE WHEN status = 'Paid' AND kind <> 'Refund' THEN amount_minor ELSE 0 END) AS paid,
                          SUM(CASE WHEN kind = 'Refund' AND status IN ('Refunded', 'Paid') THEN amount_minor ELSE 0 END) AS refunded,
                          SUM(CASE WHEN status IN ('Pending', 'Failed') AND kind <> 'Refund' THEN amount_minor ELSE 0 END) AS outstanding
                   FROM transactions GROUP BY customer_id) t
            ON t.customer_id = c.id
        """;

    public static async Task RebuildAsync(DbConnection c, DbTransaction t, CancellationToken ct)
    {
        foreach (var sql in new[] { ClearSql, RebuildFeaturesSql, RebuildActivitySql, RebuildTotalsSql })
        {
            await c.ExecuteAsync(new CommandDefinition(sql, transaction: t, commandTimeout: 600, cancellationToken: ct));
        }
    }
}
