using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Workspace.Data.ApiKeys;
using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Database;
using Workspace.Data.Routing;
using Workspace.Data.Segments;
using Workspace.Data.Staff;
using Workspace.Data.Templates;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Domain.Routing;
using Workspace.Domain.Signals;
using Workspace.Domain.Templates;

namespace Workspace.Data.Demo;

/// <summary>
/// Writes the demo world into an empty database: staff, teams, customers with six months of
/// product events, transactions and resolved conversations. Everything is drawn from one seeded
/// random source and laid out relative to <see cref="DemoSize"/>'s anchor day, so every machine
/// gets the same customers and histories.
/// </summary>
public sealed class DemoDataGenerator(Db db)
{
    private const int HistoryDays = 182;

    public async Task GenerateAsync(DemoSize size, DateTimeOffset anchor, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var world = new World(size, anchor.UtcDateTime.Date, db.Dialect, progress);
        // Rows go in chunks of one transaction each so a 5-million-event run neither holds one
        // giant transaction nor pays a commit per row.
        await world.WriteStaffAsync(connection, ct);
        await world.WriteTemplatesAsync(connection, ct);
        await DemoScorecards.WriteAsync(connection, db.Dialect, anchor, ct);
        await world.WriteCustomersAsync(connection, ct);
        await world.WriteConversationsAsync(connection, ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await CustomerRollups.RebuildAsync(connection, tx, ct);
            await ConversationCounters.RecountAsync(connection, tx, ct);
            await tx.CommitAsync(ct);
        }
        await MessageSearch.CatchUpAsync(connection, db.Dialect, ct);
        progress?.Report(new DemoProgress("roll-ups", 1, 1, world.EventsWritten));
    }

    private sealed class World(DemoSize size, DateTime anchorDay, ISqlDialect dialect, IProgress<DemoProgress>? progress)
    {
        private readonly Randomizer _random = new(DemoCatalog.Seed);
        private readonly Faker _faker = new("en") { Random = new Randomizer(DemoCatalog.Seed + 1) };
        // Template replies and transfers draw from a source of their own, so adding them moved nothing else in the world.
        private readonly Randomizer _usage = new(DemoCatalog.Seed + 2);
        private readonly Dictionary<string, CompiledTemplate> _templates = DemoTemplates.Templates.ToDictionary(
            t => t.Key,
            t => TemplateEngine.Compile(t.Body, DemoTemplates.Blocks.ToDictionary(b => b.Name, b => b.Body)).Template
                ?? throw new InvalidOperationException($"The demo template {t.Key} does not compile."));
        // The start of the seeding day: the same world all day long, and nothing dated in the future.
        private readonly long _now = new DateTimeOffset(anchorDay, TimeSpan.Zero).ToUnixTimeMilliseconds();
        private readonly Dictionary<string, long> _teams = [];
        private readonly Dictionary<string, List<long>> _agentsByTeam = [];
        private readonly Dictionary<long, string> _agentNames = [];
        private readonly CompiledRouting _routing = DemoCatalog.Routing.Compile(1);
        private readonly List<CustomerSeed> _customers = [];
        private long _eventsWritten;

        public long EventsWritten => _eventsWritten;

        private long DaysAgo(double days) => _now - (long)(days * 86_400_000);

        private const string InsertTeamSqlite = "INSERT INTO teams (name, created_at) VALUES (@Name, @Now) RETURNING id";
        private const string InsertTeamSqlServer = "INSERT INTO teams (name, created_at) OUTPUT INSERTED.id VALUES (@Name, @Now)";
        private const string InsertSkillSqlite = "INSERT INTO skills (name) VALUES (@Name) RETURNING id";
        private const string InsertSkillSqlServer = "INSERT INTO skills (name) OUTPUT INSERTED.id VALUES (@Name)";
        private const string InsertUserSqlite = """
            INSERT INTO users (email, display_name, password_hash, is_disabled, failed_attempts, security_stamp, created_at)
            VALUES (@Email, @Name, @Hash, 0, 0, @Stamp, @Now) RETURNING id
            """;
        private const string InsertUserSqlServer = """
            INSERT INTO users (email, display_name, password_hash, is_disabled, failed_attempts, security_stamp, created_at)
            OUTPUT INSERTED.id VALUES (@Email, @Name, @Hash, 0, 0, @Stamp, @Now)
            """;
        private const string InsertRoleSql = "INSERT INTO user_roles (user_id, role) VALUES (@UserId, @Role)";
        private const string InsertAgentSql = """
            INSERT INTO agents (user_id, capacity, presence, presence_changed_at) VALUES (@UserId, @Capacity, @Presence, @Now)
            """;
        private const string InsertMemberSql = "INSERT INTO team_members (team_id, user_id) VALUES (@TeamId, @UserId)";
        private const string InsertAgentSkillSql = "INSERT INTO agent_skills (user_id, skill_id) VALUES (@UserId, @SkillId)";

        public async Task WriteStaffAsync(DbConnection connection, CancellationToken ct)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            using (var teams = new BulkInserter(connection, tx, dialect.Pick(InsertTeamSqlite, InsertTeamSqlServer), "Name", "Now"))
            {
                foreach (var team in DemoCatalog.Teams)
                {
                    _teams[team] = teams.InsertReturningId(team, _now);
                    _agentsByTeam[team] = [];
                }
            }
            var skills = new Dictionary<string, long>();
            using (var insert = new BulkInserter(connection, tx, dialect.Pick(InsertSkillSqlite, InsertSkillSqlServer), "Name"))
            {
                foreach (var skill in DemoCatalog.Skills)
                {
                    skills[skill] = insert.InsertReturningId(skill);
                }
            }
            // One hash for every demo account: PBKDF2 is slow by design and the password is public anyway.
            var hash = PasswordHashing.Hash(DemoCatalog.Password);
            using var users = new BulkInserter(connection, tx, dialect.Pick(InsertUserSqlite, InsertUserSqlServer), "Email", "Name", "Hash", "Stamp", "Now");
            using var roles = new BulkInserter(connection, tx, InsertRoleSql, "UserId", "Role");
            using var agents = new BulkInserter(connection, tx, InsertAgentSql, "UserId", "Capacity", "Presence", "Now");
            using var members = new BulkInserter(connection, tx, InsertMemberSql, "TeamId", "UserId");
            using var agentSkills = new BulkInserter(connection, tx, InsertAgentSkillSql, "UserId", "SkillId");
            foreach (var staff in DemoCatalog.Staff)
            {
                var id = users.InsertReturningId(staff.Email, staff.Name, hash, StaffRepository.NewSecurityStamp(), _now);
                foreach (var role in staff.Roles)
                {
                    roles.Insert(id, role);
                }
                if (staff.Team is not null)
                {
                    agents.Insert(id, staff.Capacity, "Offline", _now);
                    members.Insert(_teams[staff.Team], id);
                    _agentsByTeam[staff.Team].Add(id);
                    _agentNames[id] = staff.Name;
                    foreach (var skill in staff.Skills)
                    {
                        agentSkills.Insert(id, skills[skill]);
                    }
                }
            }
            await ApiKeyRepository.InsertAsync(connection, tx, dialect, "Demo integration", DemoCatalog.ApiKey, ApiKeyScope.Integration, null, UnixTime.FromMs(_now), ct);
            foreach (var (key, name, description, definition) in DemoCatalog.Segments)
            {
                await SegmentRepository.SaveAsync(connection, tx, key, name, description, definition, "demo seed", UnixTime.FromMs(_now), ct);
            }
            await RoutingRepository.PublishAsync(connection, tx, dialect, DemoCatalog.Routing, "The demo ruleset.", "demo seed",
                DateTimeOffset.FromUnixTimeMilliseconds(_now), ct);
            await tx.CommitAsync(ct);
        }

        private const string InsertCustomerSqlite = """
            INSERT INTO customers (external_id, name, email, phone, company, locale, time_zone, tier, arr_cents,
                lifetime_value_cents, plan_name, product_version, lifecycle_stage, at_risk, experience_level,
                signed_up_at, renewal_at, attributes, created_at, updated_at)
            VALUES (@ExternalId, @Name, @Email, @Phone, @Company, @Locale, @TimeZone, @Tier, @Arr, @Ltv, @Plan,
                @Version, @Stage, @AtRisk, @Level, @SignedUp, @Renewal, @Attributes, @Created, @Now)
            RETURNING id
            """;
        private const string InsertCustomerSqlServer = """
            INSERT INTO customers (external_id, name, email, phone, company, locale, time_zone, tier, arr_cents,
                lifetime_value_cents, plan_name, product_version, lifecycle_stage, at_risk, experience_level,
                signed_up_at, renewal_at, attributes, created_at, updated_at)
            OUTPUT INSERTED.id
            VALUES (@ExternalId, @Name, @Email, @Phone, @Company, @Locale, @TimeZone, @Tier, @Arr, @Ltv, @Plan,
                @Version, @Stage, @AtRisk, @Level, @SignedUp, @Renewal, @Attributes, @Created, @Now)
            """;
        private const string InsertEventSql = """
            INSERT INTO customer_events (customer_id, event_id, kind, name, occurred_at, properties, received_at)
            VALUES (@CustomerId, @EventId, @Kind, @Name, @OccurredAt, @Properties, @ReceivedAt)
            """;
        private const string InsertTransactionSql = """
            INSERT INTO transactions (customer_id, transaction_id, kind, amount_minor, currency, status, occurred_at, description, received_at)
            VALUES (@CustomerId, @TransactionId, @Kind, @Amount, @Currency, @Status, @OccurredAt, @Description, @ReceivedAt)
            """;

        public async Task WriteCustomersAsync(DbConnection connection, CancellationToken ct)
        {
            var total = size.Customers + size.BenchmarkCustomers.Count;
            var eventBudget = size.Events;
            const int chunk = 500;
            for (var start = 0; start < total; start += chunk)
            {
                ct.ThrowIfCancellationRequested();
                await using var tx = await connection.BeginTransactionAsync(ct);
                using var customers = new BulkInserter(connection, tx, dialect.Pick(InsertCustomerSqlite, InsertCustomerSqlServer),
                    "ExternalId", "Name", "Email", "Phone", "Company", "Locale", "TimeZone", "Tier", "Arr", "Ltv", "Plan", "Version",
                    "Stage", "AtRisk", "Level", "SignedUp", "Renewal", "Attributes", "Created", "Now");
                using var events = new BulkInserter(connection, tx, InsertEventSql, "CustomerId", "EventId", "Kind", "Name", "OccurredAt", "Properties", "ReceivedAt");
                using var transactions = new BulkInserter(connection, tx, InsertTransactionSql,
                    "CustomerId", "TransactionId", "Kind", "Amount", "Currency", "Status", "OccurredAt", "Description", "ReceivedAt");
                for (var i = start; i < Math.Min(total, start + chunk); i++)
                {
                    var seed = i < size.Customers ? NewCustomer(i) : NewBenchmarkCustomer(size.BenchmarkCustomers[i - size.Customers]);
                    var id = customers.InsertReturningId(
                        seed.ExternalId, seed.Name, seed.Email, seed.Phone, seed.Company, seed.Locale, seed.TimeZone, seed.Tier.ToString(),
                        seed.ArrCents, seed.LifetimeValueCents, seed.Plan, seed.ProductVersion, seed.DeclaredStage?.ToString(), seed.DeclaredAtRisk,
                        seed.Level.ToString(), seed.SignedUpAt, seed.RenewalAt, seed.Attributes, seed.SignedUpAt, _now);
                    seed.Id = id;
                    _customers.Add(seed);
                    var eventCount = seed.FixedEvents ?? EventShare(i, total, ref eventBudget);
                    WriteEvents(events, seed, eventCount);
                    WriteTransactions(transactions, seed);
                }
                await tx.CommitAsync(ct);
                progress?.Report(new DemoProgress("customers and events", Math.Min(total, start + chunk), total, _eventsWritten));
            }
        }

        /// <summary>Spreads the event budget over customers, heavier for busier ones, landing exactly on the total.</summary>
        private int EventShare(int index, int total, ref long budget)
        {
            var remainingCustomers = size.Customers - index;
            if (remainingCustomers <= 1)
            {
                var last = (int)Math.Max(0, budget);
                budget = 0;
                return last;
            }
            var average = (double)budget / remainingCustomers;
            var share = (int)Math.Round(average * _random.Double(0.3, 1.7));
            share = (int)Math.Min(share, budget);
            budget -= share;
            _ = total;
            return share;
        }

        private CustomerSeed NewCustomer(int index)
        {
            var externalId = size.Customers >= 10_000
                ? $"cus_{index + 1:D6}"
                : $"cus_{index + 1:D4}";
            var featured = index < DemoFeatured.Profiles.Length ? DemoFeatured.Profiles[index] : null;
            var tier = featured?.Tier ?? PickTier();
            var name = _faker.Name.FullName();
            var company = _faker.Company.CompanyName();
            var domain = new string(company.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray()) + ".example";
            var (locale, timeZone) = _random.ArrayElement(DemoCatalog.Places);
            var signedUpDaysAgo = featured?.SignedUpDaysAgo ?? _random.Double(3, 900);
            var arr = tier switch
            {
                Tier.Free => 0,
                Tier.Starter => _random.Int(12, 60) * 100_00L,
                Tier.Pro => _random.Int(60, 300) * 100_00L,
                Tier.Enterprise => _random.Int(500, 4000) * 100_00L,
            };
            if (featured?.ArrCents is { } fixedArr)
            {
                arr = fixedArr;
            }
            var years = Math.Max(1.0, signedUpDaysAgo / 365.0);
            var level = featured?.Level ?? (signedUpDaysAgo < 60 ? ExperienceLevel.New : _random.WeightedRandom(
                [ExperienceLevel.New, ExperienceLevel.Intermediate, ExperienceLevel.Expert], [0.2f, 0.5f, 0.3f]));
            var declaredStage = featured is not null ? featured.DeclaredStage : _random.Bool(0.4f) ? PickStage(signedUpDaysAgo) : null;
            var renewalDays = featured?.RenewalInDays ?? (tier == Tier.Free ? (double?)null : _random.Double(5, 360));
            var attributes = new Dictionary<string, string>
            {
                ["seats"] = (tier switch { Tier.Free => _random.Int(1, 3), Tier.Starter => _random.Int(3, 15), Tier.Pro => _random.Int(10, 80), Tier.Enterprise => _random.Int(80, 2000) }).ToString(CultureInfo.InvariantCulture),
                ["industry"] = _random.ArrayElement(["Retail", "Finance", "Healthcare", "Software", "Logistics", "Education", "Media"]),
            };
            if (tier == Tier.Enterprise)
            {
                attributes["accountOwner"] = DemoCatalog.AccountOwners[index % DemoCatalog.AccountOwners.Length];
            }
            var adopted = featured?.Features ?? _random.ArrayElements(DemoCatalog.Features, _random.Int(1, tier == Tier.Free ? 4 : 9));
            return new CustomerSeed
            {
                ExternalId = externalId,
                Name = name,
                Email = $"{name.ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal)}@{domain}",
                Phone = _faker.Phone.PhoneNumber("+1 ###-###-####"),
                Company = company,
                Locale = locale,
                TimeZone = timeZone,
                Tier = tier,
                ArrCents = arr,
                LifetimeValueCents = (long)(arr * years * _random.Double(0.8, 1.1)),
                Plan = tier switch
                {
                    Tier.Free => "Free",
                    Tier.Starter => _random.ArrayElement(["Starter Monthly", "Starter Annual"]),
                    Tier.Pro => _random.ArrayElement(["Pro Monthly", "Pro Annual"]),
                    Tier.Enterprise => "Enterprise",
                },
                ProductVersion = _random.ArrayElement(DemoCatalog.ProductVersions),
                DeclaredStage = declaredStage,
                DeclaredAtRisk = featured is not null ? featured.DeclaredAtRisk : _random.Bool(0.08f) ? true : null,
                Level = level,
                SignedUpAt = DaysAgo(signedUpDaysAgo),
                RenewalAt = renewalDays is { } r ? _now + (long)(r * 86_400_000) : null,
                Attributes = JsonSerializer.Serialize(attributes),
                Features = adopted,
                FailedStep = featured?.FailedStep,
                ActivityDrop = featured?.ActivityDrop ?? _random.Bool(0.1f),
                ErrorProne = featured?.ErrorProne ?? _random.Bool(0.12f),
                RepeatedError = featured?.ErrorProne == true ? "webhook-rejected" : null,
            };
        }

        private CustomerSeed NewBenchmarkCustomer(BenchmarkCustomer spec)
        {
            var seed = NewCustomer(0);
            seed.ExternalId = spec.ExternalId;
            seed.Name = spec.ExternalId == BenchmarkCustomer.Heavy.ExternalId ? "Heavy Benchmark Customer" : "Light Benchmark Customer";
            seed.FixedEvents = spec.Events;
            seed.FixedTransactions = spec.Transactions;
            seed.FixedConversations = spec.Conversations;
            seed.SignedUpAt = DaysAgo(700);
            return seed;
        }

        private Tier PickTier() => _random.WeightedRandom([Tier.Free, Tier.Starter, Tier.Pro, Tier.Enterprise], [0.35f, 0.3f, 0.25f, 0.1f]);

        private LifecycleStage PickStage(double signedUpDaysAgo) => signedUpDaysAgo switch
        {
            < 30 => LifecycleStage.Onboarding,
            < 180 => _random.WeightedRandom([LifecycleStage.Onboarding, LifecycleStage.Adoption], [0.2f, 0.8f]),
            _ => _random.WeightedRandom([LifecycleStage.Adoption, LifecycleStage.Maturity, LifecycleStage.Retention], [0.3f, 0.5f, 0.2f]),
        };

        private void WriteEvents(BulkInserter events, CustomerSeed c, int count)
        {
            var windowStart = Math.Max(c.SignedUpAt, DaysAgo(HistoryDays));
            var sequence = 0;
            void Emit(EventKind kind, string name, long at, string properties)
            {
                sequence++;
                events.Insert(c.Id, $"evt_{c.ExternalId}_{sequence:D6}", kind.ToString(), name, Math.Min(at, _now), properties, Math.Min(at, _now));
                _eventsWritten++;
            }

            var emitted = 0;
            if (c.SignedUpAt >= DaysAgo(HistoryDays))
            {
                // Onboarding happens in order in the first weeks; a failed step is retried or left failed.
                var at = c.SignedUpAt;
                foreach (var step in DemoCatalog.OnboardingSteps)
                {
                    if (emitted >= count)
                    {
                        break;
                    }
                    at += (long)(_random.Double(0.1, 4) * 86_400_000);
                    if (at > _now)
                    {
                        break;
                    }
                    var fails = c.FailedStep == step || (c.FailedStep is null && _random.Bool(0.12f));
                    if (fails)
                    {
                        Emit(EventKind.OnboardingStepFailed, step, at, $$"""{"reason":"{{_random.ArrayElement(["timeout", "invalid-credentials", "permission-denied", "validation-error"])}}"}""");
                        emitted++;
                        if (c.FailedStep == step || _random.Bool(0.5f))
                        {
                            break;
                        }
                        at += (long)(_random.Double(0.1, 2) * 86_400_000);
                    }
                    Emit(EventKind.OnboardingStepCompleted, step, at, "{}");
                    emitted++;
                }
            }
            var span = Math.Max(1, _now - windowStart);
            var errorShare = c.ErrorProne ? 0.15 : 0.02;
            for (; emitted < count; emitted++)
            {
                // An activity drop leaves the last two weeks mostly quiet.
                var position = c.ActivityDrop ? Math.Pow(_random.Double(), 1.8) * 0.92 : _random.Double();
                var at = windowStart + (long)(position * span);
                var roll = _random.Double();
                var (kind, name, properties) = roll < errorShare
                    ? (EventKind.ErrorRaised, _random.ArrayElement(DemoCatalog.Errors), $$"""{"feature":"{{_random.ArrayElement(c.Features)}}"}""")
                    : roll < 0.5
                        ? (EventKind.Login, "login", $$"""{"device":"{{_random.ArrayElement(["web", "web", "mobile"])}}"}""")
                        : (EventKind.FeatureUsed, _random.ArrayElement(c.Features), "{}");
                var left = count - emitted;
                if (c.RepeatedError is { } error && left <= CustomerSignals.RepeatedErrorThreshold)
                {
                    // A featured error-prone customer's last events are one error repeated in the last day, on every
                    // machine; the draws above still happen so the rest of the demo world does not shift.
                    Emit(EventKind.ErrorRaised, error, _now - left * 6 * 3_600_000L, $$"""{"feature":"{{c.Features[0]}}"}""");
                    continue;
                }
                Emit(kind, name, at, properties);
            }
        }

        private void WriteTransactions(BulkInserter transactions, CustomerSeed c)
        {
            var count = 0;
            void Emit(TransactionKind kind, long amount, TransactionStatus status, long at, string description)
            {
                count++;
                transactions.Insert(c.Id, $"txn_{c.ExternalId}_{count:D5}", kind.ToString(), amount, "USD", status.ToString(), Math.Min(at, _now), description, Math.Min(at, _now));
            }

            if (c.FixedTransactions is { } fixedCount)
            {
                for (var i = 0; i < fixedCount; i++)
                {
                    Emit(i % 10 == 9 ? TransactionKind.Refund : TransactionKind.Invoice, _random.Int(1_000, 90_000), TransactionStatus.Paid,
                        DaysAgo(_random.Double(0, 700)), "Usage invoice");
                }
                return;
            }
            if (c.Tier == Tier.Free)
            {
                return;
            }
            var monthly = Math.Max(1_00, c.ArrCents / 12);
            for (var month = 5; month >= 0; month--)
            {
                var at = DaysAgo(month * 30.4 + _random.Double(0, 3));
                if (at < c.SignedUpAt)
                {
                    continue;
                }
                var status = month == 0 && _random.Bool(0.06f) ? TransactionStatus.Failed
                    : month == 0 && _random.Bool(0.1f) ? TransactionStatus.Pending
                    : TransactionStatus.Paid;
                Emit(TransactionKind.Invoice, monthly, status, at, $"{c.Plan} subscription");
                if (_random.Bool(0.04f))
                {
                    Emit(TransactionKind.Refund, monthly / _random.Int(2, 5), TransactionStatus.Refunded, at + 3 * 86_400_000L, "Partial refund: billing error");
                }
                if (_random.Bool(0.05f))
                {
                    Emit(TransactionKind.Order, _random.Int(50, 800) * 100L, TransactionStatus.Paid, at + 86_400_000L, "Add-on: extra seats");
                }
            }
        }

        public async Task WriteTemplatesAsync(DbConnection connection, CancellationToken ct)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(_now);
            foreach (var block in DemoTemplates.Blocks)
            {
                await TemplateRepository.PublishBlockAsync(connection, tx, block, "The demo library.", "demo seed", at, ct);
            }
            foreach (var template in DemoTemplates.Templates)
            {
                await TemplateRepository.PublishAsync(connection, tx, template, DemoTemplates.TestCases.TryGetValue(template.Key, out var tests) ? tests : [],
                    "The demo library.", "demo seed", at, ct);
            }
            await tx.CommitAsync(ct);
        }

        private const string InsertConversationSqlite = """
            INSERT INTO conversations (customer_id, channel, subject, status, priority, team_id, assignee_id, created_at, updated_at,
                first_response_at, resolved_at, csat, last_sequence, sla_first_response_due_at, sla_resolution_due_at)
            VALUES (@CustomerId, @Channel, @Subject, 'Resolved', @Priority, @TeamId, @AssigneeId, @CreatedAt, @ResolvedAt,
                @FirstResponseAt, @ResolvedAt, @Csat, @LastSequence, @FirstDue, @ResolutionDue)
            RETURNING id
            """;
        private const string InsertConversationSqlServer = """
            INSERT INTO conversations (customer_id, channel, subject, status, priority, team_id, assignee_id, created_at, updated_at,
                first_response_at, resolved_at, csat, last_sequence, sla_first_response_due_at, sla_resolution_due_at)
            OUTPUT INSERTED.id
            VALUES (@CustomerId, @Channel, @Subject, 'Resolved', @Priority, @TeamId, @AssigneeId, @CreatedAt, @ResolvedAt,
                @FirstResponseAt, @ResolvedAt, @Csat, @LastSequence, @FirstDue, @ResolutionDue)
            """;
        private const string InsertMessageSql = """
            INSERT INTO messages (conversation_id, sequence, author_kind, author_user_id, body, client_message_id, template_key, template_version,
                edited, template_rendered, created_at)
            VALUES (@ConversationId, @Sequence, @AuthorKind, @AuthorUserId, @Body, @ClientMessageId, @TemplateKey, @TemplateVersion,
                @Edited, @TemplateRendered, @CreatedAt)
            """;
        private const string InsertConversationEventSql = """
            INSERT INTO conversation_events (conversation_id, at, kind, actor_user_id, data) VALUES (@ConversationId, @At, @Kind, @ActorId, @Data)
            """;

        public async Task WriteConversationsAsync(DbConnection connection, CancellationToken ct)
        {
            var plan = new List<CustomerSeed>(size.Conversations);
            var pool = _customers.Where(c => c.FixedConversations is null).ToList();
            // Higher tiers write in more often; cumulative weights keep picking O(log n) for 100,000 customers.
            var cumulative = new double[pool.Count];
            var sum = 0.0;
            for (var i = 0; i < pool.Count; i++)
            {
                sum += pool[i].Tier switch { Tier.Free => 1, Tier.Starter => 1.5, Tier.Pro => 2, Tier.Enterprise => 3 };
                cumulative[i] = sum;
            }
            for (var i = 0; i < size.Conversations; i++)
            {
                var index = Array.BinarySearch(cumulative, _random.Double() * sum);
                plan.Add(pool[Math.Min(pool.Count - 1, index < 0 ? ~index : index)]);
            }
            foreach (var c in _customers.Where(c => c.FixedConversations is not null))
            {
                plan.AddRange(Enumerable.Repeat(c, c.FixedConversations!.Value));
            }
            const int chunk = 1000;
            for (var start = 0; start < plan.Count; start += chunk)
            {
                ct.ThrowIfCancellationRequested();
                await using var tx = await connection.BeginTransactionAsync(ct);
                using var conversations = new BulkInserter(connection, tx, dialect.Pick(InsertConversationSqlite, InsertConversationSqlServer),
                    "CustomerId", "Channel", "Subject", "Priority", "TeamId", "AssigneeId", "CreatedAt", "ResolvedAt", "FirstResponseAt",
                    "Csat", "LastSequence", "FirstDue", "ResolutionDue");
                using var messages = new BulkInserter(connection, tx, InsertMessageSql,
                    "ConversationId", "Sequence", "AuthorKind", "AuthorUserId", "Body", "ClientMessageId", "TemplateKey", "TemplateVersion", "Edited",
                    "TemplateRendered", "CreatedAt");
                using var conversationEvents = new BulkInserter(connection, tx, InsertConversationEventSql, "ConversationId", "At", "Kind", "ActorId", "Data");
                using var decisions = new BulkInserter(connection, tx, RoutingRepository.InsertDecisionSql,
                    "ConversationId", "Now", "Version", "RuleId", "RuleName", "TeamId", "Priority", "RequiredSkills", "StickyAgentId", "StickyReason",
                    "Decision", "Snapshot", "Assignment");
                for (var i = start; i < Math.Min(plan.Count, start + chunk); i++)
                {
                    WriteConversation(conversations, messages, conversationEvents, decisions, plan[i]);
                }
                await tx.CommitAsync(ct);
                progress?.Report(new DemoProgress("conversations", Math.Min(plan.Count, start + chunk), plan.Count, _eventsWritten));
            }
        }

        private void WriteConversation(BulkInserter conversations, BulkInserter messages, BulkInserter events, BulkInserter decisions, CustomerSeed c)
        {
            var topic = _random.ArrayElement(DemoCatalog.Topics);
            var earliest = Math.Max(c.SignedUpAt, DaysAgo(HistoryDays));
            var createdAt = earliest + (long)(_random.Double(0, 0.98) * Math.Max(1, DaysAgo(1) - earliest));
            // These draws predate routing; they stay so the rest of the demo world (drawn from the same source) does not shift.
            var drawnTeam = c.Tier == Tier.Enterprise ? "Enterprise Success"
                : topic.Key is "integration" or "outage" && _random.Bool(0.6f) ? "Technical Escalations"
                : c.SignedUpAt > createdAt - 30L * 86_400_000 ? "Onboarding Specialists"
                : "General Support";
            var drawnAgent = _random.ListItem(_agentsByTeam[drawnTeam]);
            var drawnPriority = drawnTeam == "Enterprise Success" ? Priority.P2 : topic.Key == "outage" ? Priority.P2 : _random.WeightedRandom([Priority.P3, Priority.P4], [0.7f, 0.3f]);
            var firstDueMinutes = SlaTargets.FirstResponseMinutes(drawnPriority);
            var firstResponseAt = createdAt + (long)(_random.Double(0.5, firstDueMinutes * 1.4) * 60_000);
            var resolvedAt = firstResponseAt + (long)(_random.Double(0.2, 36) * 3_600_000);
            var opening = _random.ArrayElement(topic.CustomerLines);
            var answer = _random.ArrayElement(topic.AgentLines);
            var lines = new List<Line>
            {
                new("Customer", false, opening, createdAt),
                new("Agent", true, answer, firstResponseAt),
            };
            if (_random.Bool(0.5f))
            {
                lines.Add(new("Customer", false, _random.ArrayElement(["Thanks, that worked!", "Great, thank you.", "That fixed it, appreciate the quick help.", "Still seeing it on one of our dashboards, could you look again?"]), firstResponseAt + 600_000));
                lines.Add(new("Agent", true, _random.ArrayElement(["Glad to hear it. Anything else I can help with?", "You're welcome, have a great day!", "I checked the remaining dashboard and fixed it as well."]), firstResponseAt + 1_200_000));
            }
            var csat = _random.Bool(0.65f) ? (int?)_random.WeightedRandom([1, 2, 3, 4, 5], [0.04f, 0.06f, 0.15f, 0.35f, 0.4f]) : null;
            var channel = _random.WeightedRandom(["Chat", "Email", "Api"], [0.7f, 0.2f, 0.1f]);

            // Every past conversation went through the demo ruleset, so its team, priority, SLA and
            // trace agree, and the simulation has history to replay.
            var at = DateTimeOffset.FromUnixTimeMilliseconds(createdAt);
            var signals = HistorySignals(c, Enum.Parse<Channel>(channel), opening, at);
            var (assessment, decision) = _routing.Route(signals);
            var team = decision.Team!;
            var members = _agentsByTeam[team];
            var agent = members.Contains(drawnAgent) ? drawnAgent : members[(int)(c.Id % members.Count)];
            var (firstResponseMinutes, resolutionMinutes) = SlaTargets.Of(decision);
            var firstDue = createdAt + firstResponseMinutes * 60_000L;
            var resolutionDue = createdAt + resolutionMinutes * 60_000L;
            var transfer = PlanTransfer(topic, team, agent);
            if (transfer is { } handover)
            {
                // The first agent hands over; the one who takes it over answers the question.
                lines[1] = lines[1] with { Body = "Thanks, I'm passing this to a colleague who can take it from here." };
                lines.Insert(2, new("Agent", true, answer, firstResponseAt + 300_000) { Author = handover.Agent });
            }
            AnswerFromTemplate(lines, c, topic, answer, channel, (int)decision.Priority, transfer?.Team ?? team, agent, at,
                handingOver: transfer is { } other && other.Team != team);
            var finalTeam = transfer?.Team ?? team;
            var finalAgent = transfer?.Agent ?? agent;
            var id = conversations.InsertReturningId(
                c.Id, channel, topic.Subject, (int)decision.Priority, _teams[finalTeam], finalAgent, createdAt, resolvedAt, firstResponseAt, csat, lines.Count,
                firstDue, resolutionDue);
            for (var s = 0; s < lines.Count; s++)
            {
                var line = lines[s];
                var author = line.ByAgent ? line.Author ?? (s > 2 && transfer is not null ? finalAgent : agent) : (long?)null;
                messages.Insert(id, s + 1, line.Kind, author, line.Body, _random.Guid().ToString("N"), line.TemplateKey,
                    line.TemplateKey is null ? null : 1, line.Edited ? 1 : 0, line.Rendered, Math.Min(line.At, resolvedAt));
            }
            // The events a live conversation leaves, so the QA timeline of a demo conversation reads like a real one.
            events.Insert(id, createdAt, "opened", null, JsonSerializer.Serialize(new { channel, team = _teams[team] }));
            events.Insert(id, createdAt, "routed", null, JsonSerializer.Serialize(new
            {
                version = decision.RulesetVersion,
                rule = decision.MatchedRuleName,
                team,
                priority = decision.Priority.ToString(),
            }));
            events.Insert(id, createdAt, "assigned", null, JsonSerializer.Serialize(new
            {
                agentId = agent,
                agent = _agentNames[agent],
                how = "routing",
                reason = $"Assigned to {_agentNames[agent]} by routing.",
            }));
            events.Insert(id, resolvedAt, "resolved", finalAgent, null);
            if (csat is { } rating)
            {
                events.Insert(id, resolvedAt + 120_000, "csat", null, JsonSerializer.Serialize(new { csat = rating }));
            }
            if (transfer is { } moved)
            {
                events.Insert(id, Math.Min(firstResponseAt + 60_000, resolvedAt), "transferred", agent, JsonSerializer.Serialize(new
                {
                    fromTeam = team,
                    fromAgent = _agentNames[agent],
                    toTeamId = _teams[moved.Team],
                    toAgentId = (long?)moved.Agent,
                    reason = moved.Reason,
                }));
            }
            var attempt = new AssignmentAttempt(at, "demo history", team, agent, _agentNames[agent], decision.RequiredSkills, []);
            decisions.Insert(id, createdAt, decision.RulesetVersion, decision.MatchedRuleId, decision.MatchedRuleName, _teams[team], (int)decision.Priority,
                string.Join(',', decision.RequiredSkills), null, null, RoutingRepository.DecisionJson(decision, assessment), RoutingJson.Write(signals),
                RoutingJson.Write(attempt));
        }

        /// <summary>A message of a demo conversation; <see cref="Author"/> overrides who wrote an agent line.</summary>
        private sealed record Line(string Kind, bool ByAgent, string Body, long At)
        {
            public long? Author { get; init; }
            public string? TemplateKey { get; init; }
            public bool Edited { get; init; }
            public string? Rendered { get; init; }
        }

        /// <summary>
        /// About one conversation in eight is handed to another agent once: technical questions from outside
        /// Technical Escalations go there, anything else to a colleague in the same team.
        /// </summary>
        private (string Team, long Agent, string Reason)? PlanTransfer(DemoTopic topic, string team, long agent)
        {
            if (topic.Key is "bug" or "integration" or "outage" && team != "Technical Escalations" && _usage.Bool(0.18f))
            {
                return ("Technical Escalations", _usage.ListItem(_agentsByTeam["Technical Escalations"]), "Needs an engineer to look at the logs.");
            }
            var colleagues = _agentsByTeam[team].Where(a => a != agent).ToList();
            return colleagues.Count > 0 && _usage.Bool(0.05f)
                ? (team, _usage.ListItem(colleagues), _usage.ArrayElement(["End of my shift: handing over with the context.", "A colleague knows this account better."]))
                : null;
        }

        /// <summary>
        /// Makes the first agent reply come from the demo template that fits the question, when one does, for a realistic
        /// share of conversations: rendered for this customer and agent as the composer would, and sometimes edited
        /// (the agent adds the specific answer). A reply before a transfer is the hand-over template.
        /// </summary>
        private void AnswerFromTemplate(List<Line> lines, CustomerSeed c, DemoTopic topic, string answer, string channel, int priority, string team,
            long agent, DateTimeOffset at, bool handingOver)
        {
            var key = handingOver ? "escalation-handoff"
                : c.FailedStep is not null && topic.Key is "how-to" or "bug" or "account" ? "onboarding-failed-step"
                : topic.Key switch
                {
                    "billing" => _usage.Bool(0.5f) ? "invoice-question" : "refund-confirmation",
                    "outage" => "outage-apology",
                    "how-to" when c.Features.Length < DemoCatalog.Features.Length => "feature-adoption",
                    _ => null,
                };
            if (key is null || !(handingOver || _usage.Bool(0.55f)))
            {
                return;
            }
            var stage = c.DeclaredStage?.ToString() ?? "Adoption";
            var firstName = c.Name.Split(' ')[0];
            var agentName = _agentNames[agent];
            var unused = DemoCatalog.Features.FirstOrDefault(f => !c.Features.Contains(f));
            var data = new TemplateData(
                new CustomerData(c.Name, firstName, c.Company, c.Tier.ToString(), c.Plan, c.Locale, c.Email, c.Level.ToString()),
                new SignalData(null, stage, c.DeclaredAtRisk ?? false, c.FailedStep is null ? 100 : 40, c.FailedStep is null ? [] : [c.FailedStep],
                    null, c.ActivityDrop ? "Sharp drop" : "Steady", c.Features, [.. DemoCatalog.Features.Except(c.Features)], false, null,
                    c.ErrorProne ? 1 : 0, c.RepeatedError is null ? [] : [c.RepeatedError]),
                new LifecycleData(stage, c.DeclaredAtRisk ?? false, ""),
                [],
                new ConversationData(0, topic.Subject, channel, null, $"P{priority}", team, at),
                new AgentData(agentName, agentName.Split(' ')[0], team),
                new RecommendationData(c.FailedStep, NextStep(c.FailedStep), unused, []),
                c.Level == ExperienceLevel.New ? "guided" : "concise");
            if (TemplateEngine.Render(_templates[key], data).Text is not { } rendered)
            {
                return;
            }
            var edited = !handingOver && _usage.Bool(0.35f);
            var paragraphs = rendered.Split("\n\n");
            var body = edited && paragraphs.Length > 1
                ? string.Join("\n\n", [paragraphs[0], answer, .. paragraphs[1..]])
                : rendered;
            lines[1] = lines[1] with { Body = body, TemplateKey = key, Edited = body != rendered, Rendered = rendered };
        }

        private static string? NextStep(string? failed)
        {
            var index = failed is null ? -1 : Array.IndexOf(DemoCatalog.OnboardingSteps, failed);
            return index >= 0 && index + 1 < DemoCatalog.OnboardingSteps.Length ? DemoCatalog.OnboardingSteps[index + 1] : null;
        }

        /// <summary>
        /// What routing would have seen then, from what the seed knows of the customer. The seed does not
        /// replay time, so repeat contact, last CSAT, earlier escalations and segments are left empty.
        /// </summary>
        private static RoutingSignals HistorySignals(CustomerSeed c, Channel channel, string text, DateTimeOffset at)
        {
            var atMs = at.ToUnixTimeMilliseconds();
            var stage = c.DeclaredStage
                ?? (atMs - c.SignedUpAt < CustomerSignals.OnboardingDays * 86_400_000L ? LifecycleStage.Onboarding
                    : c.RenewalAt is { } renewal && renewal - atMs is > 0 and < CustomerSignals.RenewalWindowDays * 86_400_000L ? LifecycleStage.Retention
                    : c.Features.Length >= 6 ? LifecycleStage.Maturity
                    : LifecycleStage.Adoption);
            var arr = c.ArrCents / 100m;
            return new RoutingSignals(c.Tier, CustomerSignals.ComputeValueScore(arr, c.LifetimeValueCents / 100m), arr, stage, c.DeclaredAtRisk ?? false,
                channel, RepeatContact: false, OpenIssues: c.ErrorProne ? 1 : 0, LastCsat: null, Segments: [], Language: c.Locale.Split('-')[0],
                BusinessHours: BusinessHours.Default.IsOpen(at), IntegrationsInUse: c.Features.Count(f => f.StartsWith("integration-", StringComparison.Ordinal)),
                PriorEscalations: 0, Text: text);
        }
    }

    private sealed class CustomerSeed
    {
        public long Id { get; set; }
        public required string ExternalId { get; set; }
        public required string Name { get; set; }
        public required string Email { get; init; }
        public required string Phone { get; init; }
        public required string Company { get; init; }
        public required string Locale { get; init; }
        public required string TimeZone { get; init; }
        public required Tier Tier { get; init; }
        public required long ArrCents { get; init; }
        public required long LifetimeValueCents { get; init; }
        public required string Plan { get; init; }
        public required string ProductVersion { get; init; }
        public LifecycleStage? DeclaredStage { get; init; }
        public bool? DeclaredAtRisk { get; init; }
        public required ExperienceLevel Level { get; init; }
        public required long SignedUpAt { get; set; }
        public long? RenewalAt { get; init; }
        public required string Attributes { get; init; }
        public required string[] Features { get; init; }
        public string? FailedStep { get; init; }
        public bool ActivityDrop { get; init; }
        public bool ErrorProne { get; init; }
        public string? RepeatedError { get; init; }
        public int? FixedEvents { get; set; }
        public int? FixedTransactions { get; set; }
        public int? FixedConversations { get; set; }
    }
}
