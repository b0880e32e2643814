using System.Data.Common;
using Dapper;
using Workspace.Data.Audit;
using Workspace.Data.Database;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;

namespace Workspace.Data.Staff;

/// <summary>Staff accounts, their roles, and sign-in bookkeeping.</summary>
public sealed class StaffRepository(Db db)
{
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    private const string FindByEmailSql = """
        SELECT id, email, display_name, password_hash, is_disabled, failed_attempts, locked_until, security_stamp,
               created_at, last_sign_in_at
        FROM users WHERE email = @Email
        """;
    private const string FindByIdSql = """
        SELECT id, email, display_name, password_hash, is_disabled, failed_attempts, locked_until, security_stamp,
               created_at, last_sign_in_at
        FROM users WHERE id = @Id
        """;
    private const string ListUsersSql = """
        SELECT id, email, display_name, password_hash, is_disabled, failed_attempts, locked_until, security_stamp,
               created_at, last_sign_in_at
        FROM users ORDER BY display_name, id
        """;
    private const string RolesOfUserSql = """
        SELECT user_id, role FROM user_roles WHERE user_id = @Id
        """;
    private const string AllRolesSql = """
        SELECT user_id, role FROM user_roles
        """;

    public Task<StaffUser?> FindByEmailAsync(string email, CancellationToken ct) =>
        db.ReadAsync(c => FindAsync(c, null, FindByEmailSql, new { Email = NormalizeEmail(email) }, ct), ct);

    public Task<StaffUser?> FindByIdAsync(long id, CancellationToken ct) =>
        db.ReadAsync(c => FindAsync(c, null, FindByIdSql, new { Id = id }, ct), ct);

    private static async Task<StaffUser?> FindAsync(DbConnection c, DbTransaction? t, string sql, object parameters, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, parameters, t, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }
        var roles = await c.QueryAsync<RoleRow>(new CommandDefinition(RolesOfUserSql, new { row.Id }, t, cancellationToken: ct));
        return row.ToUser(roles);
    }

    public Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<StaffUser>>(async c =>
        {
            var rows = await c.QueryAsync<UserRow>(new CommandDefinition(ListUsersSql, cancellationToken: ct));
            var roles = (await c.QueryAsync<RoleRow>(new CommandDefinition(AllRolesSql, cancellationToken: ct))).ToLookup(r => r.UserId);
            return rows.Select(r => r.ToUser(roles[r.Id])).ToList();
        }, ct);

    private const string FailedAttemptsSql = """
        SELECT failed_attempts FROM users WHERE id = @Id
        """;
    private const string RecordFailureSql = """
        UPDATE users SET failed_attempts = @FailedAttempts, locked_until = @LockedUntil WHERE id = @Id
        """;

    /// <summary>Counts a wrong password and locks the account once the limit is reached.</summary>
    public Task<DateTimeOffset?> RecordFailedSignInAsync(StaffUser user, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var current = await c.ExecuteScalarAsync<int>(new CommandDefinition(FailedAttemptsSql, new { user.Id }, t, cancellationToken: ct));
            var attempts = current + 1;
            var lockedUntil = Lockout.AfterFailure(attempts, now);
            await c.ExecuteAsync(new CommandDefinition(RecordFailureSql, new
            {
                user.Id,
                FailedAttempts = lockedUntil is null ? attempts : 0,
                LockedUntil = UnixTime.ToMs(lockedUntil),
            }, t, cancellationToken: ct));
            if (lockedUntil is not null)
            {
                await AuditLog.AppendAsync(c, t, user.Email, "user.locked-out", user.Email, new { attempts }, now, ct);
            }
            return lockedUntil;
        }, ct);

    private const string RecordSuccessSql = """
        UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = @Now WHERE id = @Id
        """;

    public Task RecordSignInAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync((c, t) => c.ExecuteAsync(new CommandDefinition(RecordSuccessSql, new { Id = id, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct)), ct);

    private const string InsertUserSqlite = """
        INSERT INTO users (email, display_name, password_hash, is_disabled, failed_attempts, security_stamp, created_at)
        VALUES (@Email, @DisplayName, @PasswordHash, 0, 0, @SecurityStamp, @Now)
        RETURNING id
        """;
    private const string InsertUserSqlServer = """
        INSERT INTO users (email, display_name, password_hash, is_disabled, failed_attempts, security_stamp, created_at)
        OUTPUT INSERTED.id
        VALUES (@Email, @DisplayName, @PasswordHash, 0, 0, @SecurityStamp, @Now)
        """;
    private const string InsertRoleSql = """
        INSERT INTO user_roles (user_id, role) VALUES (@UserId, @Role)
        """;
    private const string EmailTakenSql = """
        SELECT COUNT(*) FROM users WHERE email = @Email
        """;

    /// <summary>Creates an account; returns null when the email is already in use.</summary>
    public Task<long?> CreateAsync(string email, string displayName, string passwordHash, IReadOnlyCollection<Role> roles, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync<long?>((c, t) => CreateAsync(c, t, email, displayName, passwordHash, roles, actor, now, ct), ct);

    public async Task<long?> CreateAsync(DbConnection c, DbTransaction t, string email, string displayName, string passwordHash, IReadOnlyCollection<Role> roles, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = NormalizeEmail(email);
        if (await c.ExecuteScalarAsync<int>(new CommandDefinition(EmailTakenSql, new { Email = normalized }, t, cancellationToken: ct)) > 0)
        {
            return null;
        }
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.Pick(InsertUserSqlite, InsertUserSqlServer), new
        {
            Email = normalized,
            DisplayName = displayName.Trim(),
            PasswordHash = passwordHash,
            SecurityStamp = NewSecurityStamp(),
            Now = UnixTime.ToMs(now),
        }, t, cancellationToken: ct));
        foreach (var role in roles.Distinct())
        {
            await c.ExecuteAsync(new CommandDefinition(InsertRoleSql, new { UserId = id, Role = role.ToString() }, t, cancellationToken: ct));
        }
        await AuditLog.AppendAsync(c, t, actor, "user.created", normalized, new { displayName, roles = roles.Select(r => r.ToString()) }, now, ct);
        return id;
    }

    private const string EmailOfUserSql = """
        SELECT email FROM users WHERE id = @Id
        """;
    private const string SetDisabledSql = """
        UPDATE users SET is_disabled = @Disabled, security_stamp = @Stamp WHERE id = @Id
        """;
    private const string GoOfflineSql = """
        UPDATE agents SET presence = 'Offline', presence_changed_at = @Now WHERE user_id = @Id AND presence <> 'Offline'
        """;

    /// <summary>Disables or re-enables an account; a new security stamp ends its open sessions.</summary>
    public Task<bool> SetDisabledAsync(long id, bool disabled, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var email = await c.ExecuteScalarAsync<string?>(new CommandDefinition(EmailOfUserSql, new { Id = id }, t, cancellationToken: ct));
            if (email is null)
            {
                return false;
            }
            await c.ExecuteAsync(new CommandDefinition(SetDisabledSql, new { Id = id, Disabled = disabled, Stamp = NewSecurityStamp() }, t, cancellationToken: ct));
            if (disabled)
            {
                // A disabled agent takes no new conversations, and theirs go back to the queue after the grace period.
                await c.ExecuteAsync(new CommandDefinition(GoOfflineSql, new { Id = id, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct));
            }
            await AuditLog.AppendAsync(c, t, actor, disabled ? "user.disabled" : "user.enabled", email, null, now, ct);
            return true;
        }, ct);

    private const string DeleteRolesSql = """
        DELETE FROM user_roles WHERE user_id = @Id
        """;
    private const string RotateStampSql = """
        UPDATE users SET security_stamp = @Stamp WHERE id = @Id
        """;

    /// <summary>Replaces an account's roles (audited with before and after); open sessions pick them up.</summary>
    public Task<bool> SetRolesAsync(long id, IReadOnlyCollection<Role> roles, string actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async (c, t) =>
        {
            var user = await FindAsync(c, t, FindByIdSql, new { Id = id }, ct);
            if (user is null)
            {
                return false;
            }
            var before = user.Roles;
            await c.ExecuteAsync(new CommandDefinition(DeleteRolesSql, new { Id = id }, t, cancellationToken: ct));
            foreach (var role in roles.Distinct())
            {
                await c.ExecuteAsync(new CommandDefinition(InsertRoleSql, new { UserId = id, Role = role.ToString() }, t, cancellationToken: ct));
            }
            await c.ExecuteAsync(new CommandDefinition(RotateStampSql, new { Id = id, Stamp = NewSecurityStamp() }, t, cancellationToken: ct));
            if (!ConversationAccess.TakeConversations(roles))
            {
                // No longer answering conversations (made QA, say): they take no new ones, and theirs go back to the
                // queue after the grace period, as when an agent goes offline.
                await c.ExecuteAsync(new CommandDefinition(GoOfflineSql, new { Id = id, Now = UnixTime.ToMs(now) }, t, cancellationToken: ct));
            }
            await AuditLog.AppendAsync(c, t, actor, "user.roles-changed", user.Email,
                new { before = before.Select(r => r.ToString()), after = roles.Distinct().Select(r => r.ToString()) }, now, ct);
            return true;
        }, ct);

    private const string CountUsersSql = """
        SELECT COUNT(*) FROM users
        """;

    public Task<int> CountAsync(CancellationToken ct) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<int>(new CommandDefinition(CountUsersSql, cancellationToken: ct)), ct);

    private sealed class UserRow
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public bool IsDisabled { get; init; }
        public int FailedAttempts { get; init; }
        public long? LockedUntil { get; init; }
        public string SecurityStamp { get; init; } = "";
        public long CreatedAt { get; init; }
        public long? LastSignInAt { get; init; }

        public StaffUser ToUser(IEnumerable<RoleRow> roles) => new(
            Id, Email, DisplayName, PasswordHash, IsDisabled, FailedAttempts, UnixTime.FromMs(LockedUntil), SecurityStamp,
            roles.Select(r => Enum.Parse<Role>(r.Role)).Order().ToList(),
            UnixTime.FromMs(CreatedAt), UnixTime.FromMs(LastSignInAt));
    }

    private sealed class RoleRow
    {
        public long UserId { get; init; }
        public string Role { get; init; } = "";
    }
}
