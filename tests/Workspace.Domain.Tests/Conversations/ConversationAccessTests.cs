using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;

namespace Workspace.Domain.Tests.Conversations;

public class ConversationAccessTests
{
    private const long Me = 7;
    private const long Colleague = 8;
    private const long MyTeam = 100;
    private const long OtherTeam = 200;

    private static StaffScope Staff(params Role[] roles) => new(Me, roles.ToHashSet(), new HashSet<long> { MyTeam });

    /// <summary>Where a conversation can sit: (team, assignee).</summary>
    public static TheoryData<long?, long?> Anywhere => new()
    {
        { MyTeam, null },
        { MyTeam, Me },
        { MyTeam, Colleague },
        { OtherTeam, null },
        { OtherTeam, Me },
        { OtherTeam, Colleague },
        { null, null },
        { null, Me },
        { null, Colleague },
    };

    [Theory]
    [MemberData(nameof(Anywhere))]
    public void Lead_AnyConversation_ReadsAndActs(long? team, long? assignee)
    {
        Assert.True(ConversationAccess.CanRead(Staff(Role.Lead), team, assignee));
        Assert.True(ConversationAccess.CanAct(Staff(Role.Lead), team, assignee));
    }

    [Theory]
    [MemberData(nameof(Anywhere))]
    public void Admin_AnyConversation_ReadsAndActs(long? team, long? assignee)
    {
        Assert.True(ConversationAccess.CanRead(Staff(Role.Admin), team, assignee));
        Assert.True(ConversationAccess.CanAct(Staff(Role.Admin), team, assignee));
    }

    [Theory]
    [MemberData(nameof(Anywhere))]
    public void QA_AnyConversation_ReadsButNeverActs(long? team, long? assignee)
    {
        Assert.True(ConversationAccess.CanRead(Staff(Role.QA), team, assignee));
        Assert.False(ConversationAccess.CanAct(Staff(Role.QA), team, assignee));
    }

    [Theory]
    [InlineData(MyTeam, null, true)]
    [InlineData(MyTeam, Me, true)]
    [InlineData(MyTeam, Colleague, true)]
    [InlineData(OtherTeam, Me, true)]
    [InlineData(null, Me, true)]
    [InlineData(OtherTeam, null, false)]
    [InlineData(OtherTeam, Colleague, false)]
    [InlineData(null, null, false)]
    [InlineData(null, Colleague, false)]
    public void Agent_OwnOrOwnTeamsConversations_Only(long? team, long? assignee, bool expected)
    {
        Assert.Equal(expected, ConversationAccess.CanRead(Staff(Role.Agent), team, assignee));
        Assert.Equal(expected, ConversationAccess.CanAct(Staff(Role.Agent), team, assignee));
    }

    [Fact]
    public void Agent_NoTeams_OnlyOwnConversations()
    {
        var loner = new StaffScope(Me, new HashSet<Role> { Role.Agent }, new HashSet<long>());

        Assert.True(ConversationAccess.CanAct(loner, OtherTeam, Me));
        Assert.False(ConversationAccess.CanRead(loner, MyTeam, null));
    }

    [Fact]
    public void AgentAndQA_ActsOnlyWhereAgentMay()
    {
        var staff = Staff(Role.Agent, Role.QA);

        Assert.True(ConversationAccess.CanRead(staff, OtherTeam, Colleague));
        Assert.False(ConversationAccess.CanAct(staff, OtherTeam, Colleague));
        Assert.True(ConversationAccess.CanAct(staff, MyTeam, null));
    }

    [Theory]
    [MemberData(nameof(Anywhere))]
    public void NoRoles_Nothing(long? team, long? assignee)
    {
        Assert.False(ConversationAccess.CanRead(Staff(), team, assignee));
        Assert.False(ConversationAccess.CanAct(Staff(), team, assignee));
    }

    [Theory]
    [InlineData(Role.Lead, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Agent, false)]
    [InlineData(Role.QA, false)]
    public void SeesAllTeams_LeadsAndAdminsOnly(Role role, bool expected) =>
        Assert.Equal(expected, ConversationAccess.SeesAllTeams(Staff(role)));

    [Theory]
    [InlineData(Role.Agent, true)]
    [InlineData(Role.Lead, true)]
    [InlineData(Role.Admin, false)]
    [InlineData(Role.QA, false)]
    public void CanTake_OnlyPeopleWhoAnswerCustomers(Role role, bool expected) =>
        Assert.Equal(expected, ConversationAccess.CanTake(Staff(role)));

    [Fact]
    public void CanTake_NoRoles_False() => Assert.False(ConversationAccess.CanTake(Staff()));
}
