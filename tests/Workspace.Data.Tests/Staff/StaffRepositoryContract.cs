using System.Text.Json;
using Workspace.Data.Audit;
using Workspace.Data.Staff;
using Workspace.Data.Teams;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Staff;

/// <summary>What <see cref="StaffRepository"/> promises on every provider.</summary>
public abstract class StaffRepositoryContract : DatabaseTest
{
    private const string Actor = "admin@demo.local";

    // One hash for all tests: PBKDF2 is slow by design.
    private static readonly string PasswordHash = PasswordHashing.Hash("Correct!Horse1");

    private StaffRepository Staff => new(Db);

    private AuditLog Audit => new(Db);

    private static string NewEmail() => $"{Guid.NewGuid():N}@staff.test";

    private async Task<StaffUser> CreateUserAsync(params Role[] roles)
    {
        var email = NewEmail();
        var id = await Staff.CreateAsync(email, "Sam Lee", PasswordHash, roles.Length == 0 ? [Role.Agent] : roles, Actor, Now, Ct);
        Assert.NotNull(id);
        var user = await Staff.FindByIdAsync(id.Value, Ct);
        Assert.NotNull(user);
        return user;
    }

    [Fact]
    public async Task CreateAsync_NewEmail_StoresNormalizedAccountWithRoles()
    {
        var email = NewEmail();

        var id = await Staff.CreateAsync($"  {email.ToUpperInvariant()} ", "  Sam Lee ", PasswordHash, [Role.QA, Role.Agent, Role.QA], Actor, Now, Ct);

        Assert.NotNull(id);
        var user = await Staff.FindByIdAsync(id.Value, Ct);
        Assert.NotNull(user);
        Assert.Equal(email, user.Email);
        Assert.Equal("Sam Lee", user.DisplayName);
        Assert.Equal([Role.Agent, Role.QA], user.Roles);
        Assert.True(PasswordHashing.Verify(user.PasswordHash, "Correct!Horse1").Valid);
        Assert.False(user.IsDisabled);
        Assert.Equal(0, user.FailedAttempts);
        Assert.Null(user.LockedUntil);
        Assert.Null(user.LastSignInAt);
        Assert.False(string.IsNullOrWhiteSpace(user.SecurityStamp));
        Assert.Equal(Now, user.CreatedAt);
    }

    [Fact]
    public async Task CreateAsync_NewAccount_Audited()
    {
        var email = NewEmail();

        await Staff.CreateAsync(email, "Sam Lee", PasswordHash, [Role.Lead], Actor, Now, Ct);

        var entry = Assert.Single(await Audit.EntriesAsync("user.created", email, Ct));
        Assert.Equal(Actor, entry.Actor);
        Assert.Equal(Now, entry.At);
        Assert.Contains("Lead", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordHash, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_EmailTakenInAnyCase_RefusedAndFirstAccountUnchanged()
    {
        var first = await CreateUserAsync(Role.Agent);

        var second = await Staff.CreateAsync(first.Email.ToUpperInvariant(), "Impostor", PasswordHash, [Role.Admin], Actor, Now, Ct);

        Assert.Null(second);
        var stored = await Staff.FindByEmailAsync(first.Email, Ct);
        Assert.NotNull(stored);
        Assert.Equal(first.Id, stored.Id);
        Assert.Equal("Sam Lee", stored.DisplayName);
        Assert.Equal([Role.Agent], stored.Roles);
        Assert.Single(await Audit.EntriesAsync("user.created", first.Email, Ct));
    }

    [Fact]
    public async Task FindByEmailAsync_DifferentCaseAndSpaces_FindsAccount()
    {
        var user = await CreateUserAsync();

        var found = await Staff.FindByEmailAsync($" {user.Email.ToUpperInvariant()} ", Ct);

        Assert.Equal(user.Id, found?.Id);
    }

    [Fact]
    public async Task FindByEmailAsync_Unknown_Null() => Assert.Null(await Staff.FindByEmailAsync(NewEmail(), Ct));

    [Fact]
    public async Task ListAsync_NewAccount_ListedWithItsRoles()
    {
        var user = await CreateUserAsync(Role.Admin, Role.Lead);

        var listed = Assert.Single(await Staff.ListAsync(Ct), u => u.Id == user.Id);

        Assert.Equal([Role.Lead, Role.Admin], listed.Roles);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_FourFailures_CountedButNotLocked()
    {
        var user = await CreateUserAsync();

        for (var i = 0; i < Lockout.MaxFailedAttempts - 1; i++)
        {
            Assert.Null(await Staff.RecordFailedSignInAsync(user, Now.AddSeconds(i), Ct));
        }

        var stored = await Staff.FindByIdAsync(user.Id, Ct);
        Assert.Equal(4, stored?.FailedAttempts);
        Assert.Null(stored?.LockedUntil);
        Assert.Empty(await Audit.EntriesAsync("user.locked-out", user.Email, Ct));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_FifthFailure_LocksForFifteenMinutesAndAudits()
    {
        var user = await CreateUserAsync();
        for (var i = 0; i < 4; i++)
        {
            await Staff.RecordFailedSignInAsync(user, Now, Ct);
        }

        var lockedUntil = await Staff.RecordFailedSignInAsync(user, Now, Ct);

        Assert.Equal(Now.AddMinutes(15), lockedUntil);
        var stored = await Staff.FindByIdAsync(user.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(Now.AddMinutes(15), stored.LockedUntil);
        Assert.True(Lockout.IsLockedOut(stored.LockedUntil, Now.AddMinutes(14)));
        Assert.False(Lockout.IsLockedOut(stored.LockedUntil, Now.AddMinutes(15)));
        Assert.Single(await Audit.EntriesAsync("user.locked-out", user.Email, Ct));
    }

    [Fact]
    public async Task RecordSignInAsync_AfterFailures_ClearsCountAndLockAndStampsTime()
    {
        var user = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await Staff.RecordFailedSignInAsync(user, Now, Ct);
        }
        await Staff.RecordFailedSignInAsync(user, Now, Ct);

        await Staff.RecordSignInAsync(user.Id, Now.AddMinutes(20), Ct);

        var stored = await Staff.FindByIdAsync(user.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(0, stored.FailedAttempts);
        Assert.Null(stored.LockedUntil);
        Assert.Equal(Now.AddMinutes(20), stored.LastSignInAt);
    }

    [Fact]
    public async Task SetRolesAsync_NewRoles_ReplacesRolesAndRotatesStamp()
    {
        var user = await CreateUserAsync(Role.Agent, Role.QA);

        var changed = await Staff.SetRolesAsync(user.Id, [Role.Lead, Role.Lead], Actor, Now, Ct);

        Assert.True(changed);
        var stored = await Staff.FindByIdAsync(user.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal([Role.Lead], stored.Roles);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
    }

    [Fact]
    public async Task SetRolesAsync_NewRoles_AuditsBeforeAndAfter()
    {
        var user = await CreateUserAsync(Role.Agent);

        await Staff.SetRolesAsync(user.Id, [Role.Admin, Role.QA], Actor, Now, Ct);

        var entry = Assert.Single(await Audit.EntriesAsync("user.roles-changed", user.Email, Ct));
        Assert.Equal(Actor, entry.Actor);
        Assert.NotNull(entry.Details);
        using var details = JsonDocument.Parse(entry.Details);
        Assert.Equal(["Agent"], details.RootElement.GetProperty("before").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Admin", "QA"], details.RootElement.GetProperty("after").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SetRolesAsync_OnlineAgentMadeQa_GoesOfflineSoTheirConversationsReturnToTheQueue()
    {
        var teams = new TeamRepository(Db);
        var seed = new WorkspaceSeed(Db);
        var (team, _) = await seed.TeamAsync("Support", Now, Ct);
        var reader = await seed.AgentAsync("Sam Reader", [team], Now, Ct, presence: Presence.Online);
        var lead = await seed.AgentAsync("Lee Lead", [team], Now, Ct, presence: Presence.Online);

        await Staff.SetRolesAsync(reader.Id, [Role.QA], Actor, Now.AddMinutes(1), Ct);
        await Staff.SetRolesAsync(lead.Id, [Role.Lead], Actor, Now.AddMinutes(1), Ct);

        Assert.Equal(Presence.Offline, await teams.PresenceAsync(reader.Id, Ct));
        Assert.Equal(Presence.Online, await teams.PresenceAsync(lead.Id, Ct));
    }

    [Fact]
    public async Task SetRolesAsync_UnknownUser_FalseAndNothingAudited()
    {
        var (_, before) = await Audit.PageAsync("user.roles-changed", 0, 1, Ct);

        Assert.False(await Staff.SetRolesAsync(long.MaxValue, [Role.Admin], Actor, Now, Ct));

        Assert.Equal(before, (await Audit.PageAsync("user.roles-changed", 0, 1, Ct)).Total);
    }

    [Fact]
    public async Task SetDisabledAsync_Disable_MarksDisabledRotatesStampAndAudits()
    {
        var user = await CreateUserAsync();

        Assert.True(await Staff.SetDisabledAsync(user.Id, disabled: true, Actor, Now, Ct));

        var stored = await Staff.FindByIdAsync(user.Id, Ct);
        Assert.NotNull(stored);
        Assert.True(stored.IsDisabled);
        Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
        Assert.Equal(Actor, Assert.Single(await Audit.EntriesAsync("user.disabled", user.Email, Ct)).Actor);
    }

    [Fact]
    public async Task SetDisabledAsync_Reenable_ClearsFlagAndAudits()
    {
        var user = await CreateUserAsync();
        await Staff.SetDisabledAsync(user.Id, disabled: true, Actor, Now, Ct);

        Assert.True(await Staff.SetDisabledAsync(user.Id, disabled: false, Actor, Now.AddMinutes(1), Ct));

        Assert.False((await Staff.FindByIdAsync(user.Id, Ct))?.IsDisabled);
        Assert.Single(await Audit.EntriesAsync("user.enabled", user.Email, Ct));
    }

    [Fact]
    public async Task SetDisabledAsync_UnknownUser_False() =>
        Assert.False(await Staff.SetDisabledAsync(long.MaxValue, disabled: true, Actor, Now, Ct));
}
