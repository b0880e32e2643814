using Workspace.Domain.Conversations;

namespace Workspace.Domain.Tests.Conversations;

/// <summary>
/// Every move from every status: a table per move where null means the move is illegal and must throw.
/// The coverage test fails when a status is added without deciding each move for it.
/// </summary>
public class ConversationLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<ConversationStatus, ConversationStatus?> SnoozeMoves => new()
    {
        { ConversationStatus.Open, ConversationStatus.Snoozed },
        { ConversationStatus.Pending, ConversationStatus.Snoozed },
        { ConversationStatus.Snoozed, ConversationStatus.Snoozed },
        { ConversationStatus.Resolved, null },
    };

    public static TheoryData<ConversationStatus, ConversationStatus?> ResolveMoves => new()
    {
        { ConversationStatus.Open, ConversationStatus.Resolved },
        { ConversationStatus.Pending, ConversationStatus.Resolved },
        { ConversationStatus.Snoozed, ConversationStatus.Resolved },
        { ConversationStatus.Resolved, null },
    };

    public static TheoryData<ConversationStatus, ConversationStatus?> ReopenMoves => new()
    {
        { ConversationStatus.Open, null },
        { ConversationStatus.Pending, null },
        { ConversationStatus.Snoozed, ConversationStatus.Open },
        { ConversationStatus.Resolved, ConversationStatus.Open },
    };

    public static TheoryData<ConversationStatus, ConversationStatus?> CustomerMessageMoves => new()
    {
        { ConversationStatus.Open, ConversationStatus.Open },
        { ConversationStatus.Pending, ConversationStatus.Open },
        { ConversationStatus.Snoozed, ConversationStatus.Open },
        { ConversationStatus.Resolved, ConversationStatus.Open },
    };

    public static TheoryData<ConversationStatus, ConversationStatus?> AgentReplyMoves => new()
    {
        { ConversationStatus.Open, ConversationStatus.Pending },
        { ConversationStatus.Pending, ConversationStatus.Pending },
        { ConversationStatus.Snoozed, ConversationStatus.Snoozed },
        { ConversationStatus.Resolved, null },
    };

    private static void AssertMove(Func<ConversationStatus> move, ConversationStatus? expected)
    {
        if (expected is { } legal)
        {
            Assert.Equal(legal, move());
        }
        else
        {
            var e = Assert.Throws<InvalidConversationTransitionException>(() => move());
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Theory]
    [MemberData(nameof(SnoozeMoves))]
    public void Snooze_FromEachStatus_MovesOrThrows(ConversationStatus from, ConversationStatus? expected) =>
        AssertMove(() => ConversationLifecycle.Snooze(from, Now.AddHours(1), Now), expected);

    [Theory]
    [MemberData(nameof(ResolveMoves))]
    public void Resolve_FromEachStatus_MovesOrThrows(ConversationStatus from, ConversationStatus? expected) =>
        AssertMove(() => ConversationLifecycle.Resolve(from), expected);

    [Theory]
    [MemberData(nameof(ReopenMoves))]
    public void Reopen_FromEachStatus_MovesOrThrows(ConversationStatus from, ConversationStatus? expected) =>
        AssertMove(() => ConversationLifecycle.Reopen(from), expected);

    [Theory]
    [MemberData(nameof(CustomerMessageMoves))]
    public void OnCustomerMessage_FromEachStatus_OpensIt(ConversationStatus from, ConversationStatus? expected) =>
        AssertMove(() => ConversationLifecycle.OnCustomerMessage(from), expected);

    [Theory]
    [MemberData(nameof(AgentReplyMoves))]
    public void OnAgentReply_FromEachStatus_MovesOrThrows(ConversationStatus from, ConversationStatus? expected) =>
        AssertMove(() => ConversationLifecycle.OnAgentReply(from), expected);

    [Fact]
    public void MoveTables_CoverEveryStatus()
    {
        var all = Enum.GetValues<ConversationStatus>();
        foreach (var table in new[] { SnoozeMoves, ResolveMoves, ReopenMoves, CustomerMessageMoves, AgentReplyMoves })
        {
            Assert.Equal(all, table.Select(row => row.Data.Item1).Order());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Snooze_UntilNowOrPast_ThrowsAskingForFutureTime(int minutesFromNow)
    {
        var e = Assert.Throws<InvalidConversationTransitionException>(() =>
            ConversationLifecycle.Snooze(ConversationStatus.Open, Now.AddMinutes(minutesFromNow), Now));

        Assert.Contains("future", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snooze_OneMillisecondAhead_Allowed() =>
        Assert.Equal(ConversationStatus.Snoozed, ConversationLifecycle.Snooze(ConversationStatus.Pending, Now.AddMilliseconds(1), Now));

    [Fact]
    public void Snooze_Resolved_TellsToReopenFirst()
    {
        var e = Assert.Throws<InvalidConversationTransitionException>(() =>
            ConversationLifecycle.Snooze(ConversationStatus.Resolved, Now.AddHours(1), Now));

        Assert.Contains("reopen", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Resolve_AlreadyResolved_SaysSo() =>
        Assert.Contains("already resolved", Assert.Throws<InvalidConversationTransitionException>(() =>
            ConversationLifecycle.Resolve(ConversationStatus.Resolved)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(ConversationStatus.Open)]
    [InlineData(ConversationStatus.Pending)]
    public void Reopen_NotClosed_SaysAlreadyOpen(ConversationStatus from) =>
        Assert.Contains("already open", Assert.Throws<InvalidConversationTransitionException>(() =>
            ConversationLifecycle.Reopen(from)).Message, StringComparison.Ordinal);

    [Fact]
    public void OnAgentReply_Resolved_TellsToReopenBeforeReplying() =>
        Assert.Contains("Reopen", Assert.Throws<InvalidConversationTransitionException>(() =>
            ConversationLifecycle.OnAgentReply(ConversationStatus.Resolved)).Message, StringComparison.Ordinal);

    // Callers that only know InvalidOperationException still see the refusal.
    [Fact]
    public void InvalidConversationTransitionException_IsInvalidOperation() =>
        Assert.IsAssignableFrom<InvalidOperationException>(new InvalidConversationTransitionException("no"));
}
