using Workspace.Domain.Staff;

namespace Workspace.Domain.Tests.Staff;

public class LockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AfterFailure_FewerThanFiveFailures_NoLock(int failures) =>
        Assert.Null(Lockout.AfterFailure(failures, Now));

    [Fact]
    public void AfterFailure_FifthFailure_LocksForFifteenMinutes() =>
        Assert.Equal(Now.AddMinutes(15), Lockout.AfterFailure(5, Now));

    [Fact]
    public void AfterFailure_BeyondFifth_StillLocks() =>
        Assert.Equal(Now.AddMinutes(15), Lockout.AfterFailure(6, Now));

    [Fact]
    public void IsLockedOut_BeforeLockEnds_True() =>
        Assert.True(Lockout.IsLockedOut(Now.AddMinutes(15), Now.AddMinutes(14).AddSeconds(59)));

    [Fact]
    public void IsLockedOut_AtOrAfterLockEnd_False()
    {
        Assert.False(Lockout.IsLockedOut(Now, Now));
        Assert.False(Lockout.IsLockedOut(Now, Now.AddSeconds(1)));
    }

    [Fact]
    public void IsLockedOut_NeverLocked_False() => Assert.False(Lockout.IsLockedOut(null, Now));
}
