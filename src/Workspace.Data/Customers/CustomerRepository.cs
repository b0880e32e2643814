using System.Data.Common;
using System.Text.Json;
using Dapper;
using Workspace.Data.Database;
using Workspace.Domain.Customers;

namespace Workspace.Data.Customers;

/// <summary>Customers with their product events and transactions.</summary>
public sealed class CustomerRepository(Db db)
{
    private const string FindIdForUpdateSqlite = """
        SELECT id FROM customers WHERE external_id = @ExternalId
        """;
    private const string FindIdForUpdateSqlServer = """
        SELECT id FROM customers WITH (UPDLOCK, HOLDLOCK) WHERE external_id = @ExternalId
        """;
    private const string InsertCustomerSqlite = """
        INSERT INTO customers (external_id, name, email, phone, company, locale, time_zone, tier, arr_cents,
            lifetime_value_cents, plan_name, product_version, lifecycle_stage, at_risk, experience_level,
            signed_up_at, renewal_at, attributes, created_at, updated_at)
        VALUES (@ExternalId, @Name, @Email, @Phone, @Company, @Locale, @TimeZone, @Tier, @ArrCents,
            @LifetimeValueCents, @Plan, @ProductVersion, @LifecycleStage, @AtRisk, @ExperienceLevel,
            @SignedUpAt, @RenewalAt, @Attributes, @Now, @Now)
        RETURNING id
        """;
    private const string InsertCustomerSqlServer = """
        INSERT INTO customers (external_id, name, email, phone, company, locale, time_zone, tier, arr_cents,
            lifetime_value_cents, plan_name, product_version, lifecycle_stage, at_risk, experience_level,
            signed_up_at, renewal_at, attributes, created_at, updated_at)
        OUTPUT INSERTED.id
        VALUES (@ExternalId, @Name, @Email, @Phone, @Company, @Locale, @TimeZone, @Tier, @ArrCents,
            @LifetimeValueCents, @Plan, @ProductVersion, @LifecycleStage, @AtRisk, @ExperienceLevel,
            @SignedUpAt, @RenewalAt, @Attributes, @Now, @Now)
        """;
    private const string UpdateCustomerSql = """
        UPDATE customers SET name = @Name, email = @Email, phone = @Phone, company = @Company, locale = @Locale,
            time_zone = @TimeZone, tier = @Tier, arr_cents = @ArrCents, lifetime_value_cents = @LifetimeValueCents,
            plan_name = @Plan, product_version = @ProductVersion, lifecycle_stage = @LifecycleStage, at_risk = @AtRisk,
            experience_level = @ExperienceLevel, signed_up_at = @SignedUpAt, renewal_at = @RenewalAt,
            attributes = @Attributes, updated_at = @Now
        WHERE id = @Id
        """;

    /// <summary>Creates or replaces the profile; returns its id and whether it was new.</summary>
    public Task<(long Id, bool Created)> UpsertAsync(CustomerProfile profile, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => UpsertAsync(c, t, profile, now, ct), ct);

    public async Task<(long Id, bool Created)> UpsertAsync(DbConnection c, DbTransaction t, CustomerProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        var parameters = ToParameters(profile, now);
        var existing = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            db.Dialect.Pick(FindIdForUpdateSqlite, FindIdForUpdateSqlServer), new { profile.ExternalId }, t, cancellationToken: ct));
        if (existing is { } id)
        {
            parameters.Add("Id", id);
            await c.ExecuteAsync(new CommandDefinition(UpdateCustomerSql, parameters, t, cancellationToken: ct));
            return (id, false);
        }
        var newId = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            db.Dialect.Pick(InsertCustomerSqlite, InsertCustomerSqlServer), parameters, t, cancellationToken: ct));
        return (newId, true);
    }

    private const string InsertMinimalSqlite = """
        INSERT INTO customers (external_id, name, tier, experience_level, attributes, anonymous, created_at, updated_at)
        VALUES (@ExternalId, @Name, 'Free', 'New', '{}', @Anonymous, @Now, @Now)
        RETURNING id
        """;
    private const string InsertMinimalSqlServer = """
        INSERT INTO customers (external_id, name, tier, experience_level, attributes, anonymous, created_at, updated_at)
        OUTPUT INSERTED.id
        VALUES (@ExternalId, @Name, 'Free', 'New', '{}', @Anonymous, @Now, @Now)
        """;

    /// <summary>
    /// The customer with this external id, created with just a name when the integration has not
    /// pushed a profile yet (an identified chat can start before the first profile sync), or for an
    /// anonymous visitor.
    /// </summary>
    public Task<long> EnsureAsync(string externalId, string name, bool anonymous, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
            await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                db.Dialect.Pick(FindIdForUpdateSqlite, FindIdForUpdateSqlServer), new { ExternalId = externalId }, t, cancellationToken: ct))
            ?? await c.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Pick(InsertMinimalSqlite, InsertMinimalSqlServer),
                new { ExternalId = externalId, Name = name, Anonymous = anonymous, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)), ct);

    private const string IsAnonymousSql = """
        SELECT anonymous FROM customers WHERE id = @Id
        """;

    public Task<bool> IsAnonymousAsync(long id, CancellationToken ct) =>
        db.ReadAsync(async c => await c.ExecuteScalarAsync<bool?>(new CommandDefinition(IsAnonymousSql, new { Id = id }, cancellationToken: ct)) == true, ct);

    private const string NameSql = """
        SELECT name FROM customers WHERE id = @Id
        """;

    public Task<string?> NameAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<string?>(new CommandDefinition(NameSql, new { Id = id }, cancellationToken: ct)), ct);

    private const string GetByExternalIdSql = """
        SELECT id, external_id, name, email, phone, company, locale, time_zone, tier, arr_cents, lifetime_value_cents,
            plan_name, product_version, lifecycle_stage, at_risk, experience_level, signed_up_at, renewal_at, attributes,
            created_at, updated_at
        FROM customers WHERE external_id = @ExternalId
        """;

    public Task<CustomerRecord?> GetAsync(string externalId, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(GetByExternalIdSql, new { ExternalId = externalId }, cancellationToken: ct));
            return row?.ToRecord();
        }, ct);

    private const string GetByIdSql = """
        SELECT id, external_id, name, email, phone, company, locale, time_zone, tier, arr_cents, lifetime_value_cents,
            plan_name, product_version, lifecycle_stage, at_risk, experience_level, signed_up_at, renewal_at, attributes,
            created_at, updated_at
        FROM customers WHERE id = @Id
        """;

    public Task<CustomerRecord?> GetByIdAsync(long id, CancellationToken ct) =>
        db.ReadAsync(async c => (await c.QuerySingleOrDefaultAsync<CustomerRow>(new CommandDefinition(GetByIdSql, new { Id = id }, cancellationToken: ct)))?.ToRecord(), ct);

    private const string InsertEventSqlite = """
        INSERT INTO customer_events (customer_id, event_id, kind, name, occurred_at, properties, received_at)
        VALUES (@CustomerId, @EventId, @Kind, @Name, @OccurredAt, @Properties, @ReceivedAt)
        ON CONFLICT (customer_id, event_id) DO NOTHING
        """;
    private const string InsertEventSqlServer = """
        INSERT INTO customer_events (customer_id, event_id, kind, name, occurred_at, properties, received_at)
        SELECT @CustomerId, @EventId, @Kind, @Name, @OccurredAt, @Properties, @ReceivedAt
        WHERE NOT EXISTS (SELECT 1 FROM customer_events WITH (UPDLOCK, HOLDLOCK)
                          WHERE customer_id = @CustomerId AND event_id = @EventId)
        """;

    /// <summary>Stores the events not stored before (by event id); returns how many were new.</summary>
    public Task<int> AddEventsAsync(long customerId, IReadOnlyList<CustomerEvent> events, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => AddEventsAsync(c, t, customerId, events, now, ct), ct);

    public async Task<int> AddEventsAsync(DbConnection c, DbTransaction t, long customerId, IReadOnlyList<CustomerEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        var sql = db.Dialect.Pick(InsertEventSqlite, InsertEventSqlServer);
        var stored = 0;
        foreach (var e in events)
        {
            var occurredAt = UnixTime.ToMs(e.OccurredAt);
            if (await c.ExecuteAsync(new CommandDefinition(sql, new
            {
                CustomerId = customerId,
                e.EventId,
                Kind = e.Kind.ToString(),
                e.Name,
                OccurredAt = occurredAt,
                Properties = JsonSerializer.Serialize(e.Properties),
                ReceivedAt = UnixTime.ToMs(now),
            }, t, cancellationToken: ct)) == 0)
            {
                continue;
            }
            stored++;
            await CountEventAsync(c, t, customerId, e.Kind, e.Name, occurredAt, ct);
        }
        return stored;
    }

    private const string CountEventSqlite = """
        INSERT INTO customer_rollups (customer_id, events, last_seen_at) VALUES (@CustomerId, 1, @OccurredAt)
        ON CONFLICT (customer_id) DO UPDATE SET events = events + 1,
            last_seen_at = CASE WHEN last_seen_at IS NULL OR last_seen_at < excluded.last_seen_at THEN excluded.last_seen_at ELSE last_seen_at END
        """;
    private const string CountEventSqlServer = """
        MERGE customer_rollups WITH (HOLDLOCK) AS r
        USING (SELECT @CustomerId AS customer_id) AS s ON r.customer_id = s.customer_id
        WHEN MATCHED THEN UPDATE SET events = r.events + 1,
            last_seen_at = CASE WHEN r.last_seen_at IS NULL OR r.last_seen_at < @OccurredAt THEN @OccurredAt ELSE r.last_seen_at END
        WHEN NOT MATCHED THEN INSERT (customer_id, events, last_seen_at) VALUES (@CustomerId, 1, @OccurredAt);
        """;
    private const string CountFeatureSqlite = """
        INSERT INTO customer_feature_usage (customer_id, feature, uses, last_used_at) VALUES (@CustomerId, @Name, 1, @OccurredAt)
        ON CONFLICT (customer_id, feature) DO UPDATE SET uses = uses + 1,
            last_used_at = CASE WHEN last_used_at < excluded.last_used_at THEN excluded.last_used_at ELSE last_used_at END
        """;
    private const string CountFeatureSqlServer = """
        MERGE customer_feature_usage WITH (HOLDLOCK) AS f
        USING (SELECT @CustomerId AS customer_id, @Name AS feature) AS s ON f.customer_id = s.customer_id AND f.feature = s.feature
        WHEN MATCHED THEN UPDATE SET uses = f.uses + 1,
            last_used_at = CASE WHEN f.last_used_at < @OccurredAt THEN @OccurredAt ELSE f.last_used_at END
        WHEN NOT MATCHED THEN INSERT (customer_id, feature, uses, last_used_at) VALUES (@CustomerId, @Name, 1, @OccurredAt);
        """;
    private const string CountActivitySqlite = """
        INSERT INTO customer_activity_hours (customer_id, hour_bucket, events) VALUES (@CustomerId, @HourBucket, 1)
        ON CONFLICT (customer_id, hour_bucket) DO UPDATE SET events = events + 1
        """;
    private const string CountActivitySqlServer = """
        MERGE customer_activity_hours WITH (HOLDLOCK) AS a
        USING (SELECT @CustomerId AS customer_id, @HourBucket AS hour_bucket) AS s ON a.customer_id = s.customer_id AND a.hour_bucket = s.hour_bucket
        WHEN MATCHED THEN UPDATE SET events = a.events + 1
        WHEN NOT MATCHED THEN INSERT (customer_id, hour_bucket, events) VALUES (@CustomerId, @HourBucket, 1);
        """;

    /// <summary>Keeps the customer's roll-ups in step with a newly stored event, in the same transaction.</summary>
    private async Task CountEventAsync(DbConnection c, DbTransaction t, long customerId, EventKind kind, string name, long occurredAt, CancellationToken ct)
    {
        var parameters = new { CustomerId = customerId, Name = name, OccurredAt = occurredAt, HourBucket = occurredAt / 3_600_000 };
        await c.ExecuteAsync(new CommandDefinition(db.Dialect.Pick(CountEventSqlite, CountEventSqlServer), parameters, t, cancellationToken: ct));
        if (kind == EventKind.FeatureUsed)
        {
            await c.ExecuteAsync(new CommandDefinition(db.Dialect.Pick(CountFeatureSqlite, CountFeatureSqlServer), parameters, t, cancellationToken: ct));
        }
        if (kind is EventKind.FeatureUsed or EventKind.Login)
        {
            await c.ExecuteAsync(new CommandDefinition(db.Dialect.Pick(CountActivitySqlite, CountActivitySqlServer), parameters, t, cancellationToken: ct));
        }
    }

    private const string InsertTransactionSqlite = """
        INSERT INTO transactions (customer_id, transaction_id, kind, amount_minor, currency, status, occurred_at, description, received_at)
        VALUES (@CustomerId, @TransactionId, @Kind, @AmountMinor, @Currency, @Status, @OccurredAt, @Description, @ReceivedAt)
        ON CONFLICT (customer_id, transaction_id) DO NOTHING
        """;
    private const string InsertTransactionSqlServer = """
        INSERT INTO transactions (customer_id, transaction_id, kind, amount_minor, currency, status, occurred_at, description, received_at)
        SELECT @CustomerId, @TransactionId, @Kind, @AmountMinor, @Currency, @Status, @OccurredAt, @Description, @ReceivedAt
        WHERE NOT EXISTS (SELECT 1 FROM transactions WITH (UPDLOCK, HOLDLOCK)
                          WHERE customer_id = @CustomerId AND transaction_id = @TransactionId)
        """;

    /// <summary>Stores the transaction unless its id was stored before; returns whether it was new.</summary>
    public Task<bool> AddTransactionAsync(long customerId, Transaction transaction, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => AddTransactionAsync(c, t, customerId, transaction, now, ct), ct);

    public async Task<bool> AddTransactionAsync(DbConnection c, DbTransaction t, long customerId, Transaction x, DateTimeOffset now, CancellationToken ct)
    {
        var amount = Money.ToMinor(x.Amount);
        if (await c.ExecuteAsync(new CommandDefinition(db.Dialect.Pick(InsertTransactionSqlite, InsertTransactionSqlServer), new
        {
            CustomerId = customerId,
            x.TransactionId,
            Kind = x.Kind.ToString(),
            AmountMinor = amount,
            x.Currency,
            Status = x.Status.ToString(),
            OccurredAt = UnixTime.ToMs(x.OccurredAt),
            x.Description,
            ReceivedAt = UnixTime.ToMs(now),
        }, t, cancellationToken: ct)) == 0)
        {
            return false;
        }
        var refund = x.Kind == TransactionKind.Refund;
        await c.ExecuteAsync(new CommandDefinition(db.Dialect.Pick(CountTransactionSqlite, CountTransactionSqlServer), new
        {
            CustomerId = customerId,
            Paid = !refund && x.Status == TransactionStatus.Paid ? amount : 0,
            // A refund counts once it has gone through; a pending or failed one has returned nothing yet.
            Refunded = refund && x.Status is TransactionStatus.Refunded or TransactionStatus.Paid ? amount : 0,
            Outstanding = !refund && x.Status is TransactionStatus.Pending or TransactionStatus.Failed ? amount : 0,
        }, t, cancellationToken: ct));
        return true;
    }

    private const string CountTransactionSqlite = """
        INSERT INTO customer_rollups (customer_id, transactions, paid_minor, refunded_minor, outstanding_minor)
        VALUES (@CustomerId, 1, @Paid, @Refunded, @Outstanding)
        ON CONFLICT (customer_id) DO UPDATE SET transactions = transactions + 1, paid_minor = paid_minor + excluded.paid_minor,
            refunded_minor = refunded_minor + excluded.refunded_minor, outstanding_minor = outstanding_minor + excluded.outstanding_minor
        """;
    private const string CountTransactionSqlServer = """
        MERGE customer_rollups WITH (HOLDLOCK) AS r
        USING (SELECT @CustomerId AS customer_id) AS s ON r.customer_id = s.customer_id
        WHEN MATCHED THEN UPDATE SET transactions = r.transactions + 1, paid_minor = r.paid_minor + @Paid,
            refunded_minor = r.refunded_minor + @Refunded, outstanding_minor = r.outstanding_minor + @Outstanding
        WHEN NOT MATCHED THEN INSERT (customer_id, transactions, paid_minor, refunded_minor, outstanding_minor)
            VALUES (@CustomerId, 1, @Paid, @Refunded, @Outstanding);
        """;

    private const string RecentEventsSqlite = """
        SELECT id, event_id, kind, name, occurred_at, properties, received_at
        FROM customer_events WHERE customer_id = @CustomerId
        ORDER BY occurred_at DESC, id DESC
        LIMIT @Take OFFSET @Skip
        """;
    private const string RecentEventsSqlServer = """
        SELECT id, event_id, kind, name, occurred_at, properties, received_at
        FROM customer_events WHERE customer_id = @CustomerId
        ORDER BY occurred_at DESC, id DESC
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """;

    public Task<IReadOnlyList<StoredEvent>> RecentEventsAsync(long customerId, int skip, int take, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<StoredEvent>>(async c =>
        {
            var rows = await c.QueryAsync<EventRow>(new CommandDefinition(
                db.Dialect.Pick(RecentEventsSqlite, RecentEventsSqlServer), new { CustomerId = customerId, Skip = skip, Take = take }, cancellationToken: ct));
            return rows.Select(r => r.ToStored()).ToList();
        }, ct);

    private const string RecentTransactionsSqlite = """
        SELECT id, transaction_id, kind, amount_minor, currency, status, occurred_at, description, received_at
        FROM transactions WHERE customer_id = @CustomerId
        ORDER BY occurred_at DESC, id DESC
        LIMIT @Take OFFSET @Skip
        """;
    private const string RecentTransactionsSqlServer = """
        SELECT id, transaction_id, kind, amount_minor, currency, status, occurred_at, description, received_at
        FROM transactions WHERE customer_id = @CustomerId
        ORDER BY occurred_at DESC, id DESC
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """;

    public Task<IReadOnlyList<StoredTransaction>> RecentTransactionsAsync(long customerId, int skip, int take, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<StoredTransaction>>(async c =>
        {
            var rows = await c.QueryAsync<TransactionRow>(new CommandDefinition(
                db.Dialect.Pick(RecentTransactionsSqlite, RecentTransactionsSqlServer), new { CustomerId = customerId, Skip = skip, Take = take }, cancellationToken: ct));
            return rows.Select(r => r.ToStored()).ToList();
        }, ct);

    private const string CountHistorySql = """
        SELECT (SELECT COUNT(*) FROM customer_events WHERE customer_id = @CustomerId) AS Events,
               (SELECT COUNT(*) FROM transactions WHERE customer_id = @CustomerId) AS Transactions
        """;

    public Task<(int Events, int Transactions)> CountHistoryAsync(long customerId, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            var row = await c.QuerySingleAsync<HistoryCountRow>(new CommandDefinition(CountHistorySql, new { CustomerId = customerId }, cancellationToken: ct));
            return ((int)row.Events, (int)row.Transactions);
        }, ct);

    private const string SearchSqlite = """
        SELECT external_id, name, company, tier, lifecycle_stage, arr_cents, updated_at
        FROM customers
        WHERE @Query IS NULL OR name LIKE @Pattern ESCAPE '\' OR company LIKE @Pattern ESCAPE '\' OR external_id LIKE @Pattern ESCAPE '\'
        ORDER BY name, id
        LIMIT @Take OFFSET @Skip
        """;
    private const string SearchSqlServer = """
        SELECT external_id, name, company, tier, lifecycle_stage, arr_cents, updated_at
        FROM customers
        WHERE @Query IS NULL OR name LIKE @Pattern ESCAPE '\' OR company LIKE @Pattern ESCAPE '\' OR external_id LIKE @Pattern ESCAPE '\'
        ORDER BY name, id
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """;
    private const string SearchCountSql = """
        SELECT COUNT(*) FROM customers
        WHERE @Query IS NULL OR name LIKE @Pattern ESCAPE '\' OR company LIKE @Pattern ESCAPE '\' OR external_id LIKE @Pattern ESCAPE '\'
        """;

    /// <summary>A page of the customer directory, by name, company or external id.</summary>
    public Task<(IReadOnlyList<CustomerSummary> Rows, int Total)> SearchAsync(string? query, int skip, int take, CancellationToken ct) =>
        db.ReadAsync<(IReadOnlyList<CustomerSummary>, int)>(async c =>
        {
            var q = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
            var parameters = new { Query = q, Pattern = q is null ? null : $"%{EscapeLike(q)}%", Skip = skip, Take = take };
            var rows = await c.QueryAsync<SummaryRow>(new CommandDefinition(db.Dialect.Pick(SearchSqlite, SearchSqlServer), parameters, cancellationToken: ct));
            var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(SearchCountSql, parameters, cancellationToken: ct));
            return (rows.Select(r => r.ToSummary()).ToList(), total);
        }, ct);

    // What a user types is matched literally: LIKE's wildcards (and SQL Server's brackets) are escaped.
    private static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal);

    private static DynamicParameters ToParameters(CustomerProfile p, DateTimeOffset now)
    {
        var parameters = new DynamicParameters(new
        {
            p.ExternalId,
            p.Name,
            p.Email,
            p.Phone,
            p.Company,
            p.Locale,
            p.TimeZone,
            Tier = p.Tier.ToString(),
            ArrCents = Money.ToMinor(p.Arr),
            LifetimeValueCents = Money.ToMinor(p.LifetimeValue),
            p.Plan,
            p.ProductVersion,
            LifecycleStage = p.LifecycleStage?.ToString(),
            p.AtRisk,
            ExperienceLevel = p.ExperienceLevel.ToString(),
            SignedUpAt = UnixTime.ToMs(p.SignedUpAt),
            RenewalAt = UnixTime.ToMs(p.RenewalAt),
            Attributes = JsonSerializer.Serialize(p.Attributes),
            Now = UnixTime.ToMs(now),
        });
        return parameters;
    }

    private static Dictionary<string, string> ReadJsonMap(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private sealed class HistoryCountRow
    {
        public long Events { get; init; }
        public long Transactions { get; init; }
    }

    private sealed class CustomerRow
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Company { get; init; }
        public string? Locale { get; init; }
        public string? TimeZone { get; init; }
        public string Tier { get; init; } = "";
        public long ArrCents { get; init; }
        public long LifetimeValueCents { get; init; }
        public string? PlanName { get; init; }
        public string? ProductVersion { get; init; }
        public string? LifecycleStage { get; init; }
        public bool? AtRisk { get; init; }
        public string ExperienceLevel { get; init; } = "";
        public long? SignedUpAt { get; init; }
        public long? RenewalAt { get; init; }
        public string Attributes { get; init; } = "{}";
        public long CreatedAt { get; init; }
        public long UpdatedAt { get; init; }

        public CustomerRecord ToRecord() => new(
            Id,
            new CustomerProfile(
                ExternalId, Name, Email, Phone, Company, Locale, TimeZone, Enum.Parse<Tier>(Tier),
                Money.FromMinor(ArrCents), Money.FromMinor(LifetimeValueCents), PlanName, ProductVersion,
                LifecycleStage is null ? null : Enum.Parse<LifecycleStage>(LifecycleStage), AtRisk,
                Enum.Parse<ExperienceLevel>(ExperienceLevel), UnixTime.FromMs(SignedUpAt), UnixTime.FromMs(RenewalAt),
                ReadJsonMap(Attributes)),
            UnixTime.FromMs(CreatedAt),
            UnixTime.FromMs(UpdatedAt));
    }

    private sealed class EventRow
    {
        public long Id { get; init; }
        public string EventId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public long OccurredAt { get; init; }
        public string Properties { get; init; } = "{}";
        public long ReceivedAt { get; init; }

        public StoredEvent ToStored() => new(
            Id,
            new CustomerEvent(EventId, Enum.Parse<EventKind>(Kind), Name, UnixTime.FromMs(OccurredAt), ReadJsonMap(Properties)),
            UnixTime.FromMs(ReceivedAt));
    }

    private sealed class TransactionRow
    {
        public long Id { get; init; }
        public string TransactionId { get; init; } = "";
        public string Kind { get; init; } = "";
        public long AmountMinor { get; init; }
        public string Currency { get; init; } = "";
        public string Status { get; init; } = "";
        public long OccurredAt { get; init; }
        public string? Description { get; init; }
        public long ReceivedAt { get; init; }

        public StoredTransaction ToStored() => new(
            Id,
            new Transaction(TransactionId, Enum.Parse<TransactionKind>(Kind), Money.FromMinor(AmountMinor), Currency.Trim(),
                Enum.Parse<TransactionStatus>(Status), UnixTime.FromMs(OccurredAt), Description),
            UnixTime.FromMs(ReceivedAt));
    }

    private sealed class SummaryRow
    {
        public string ExternalId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Company { get; init; }
        public string Tier { get; init; } = "";
        public string? LifecycleStage { get; init; }
        public long ArrCents { get; init; }
        public long UpdatedAt { get; init; }

        public CustomerSummary ToSummary() => new(
            ExternalId, Name, Company, Enum.Parse<Tier>(Tier),
            LifecycleStage is null ? null : Enum.Parse<LifecycleStage>(LifecycleStage),
            Money.FromMinor(ArrCents), UnixTime.FromMs(UpdatedAt));
    }
}
