using Workspace.Data.Notifications;
using Workspace.Data.Tests.Conversations;
using Workspace.Data.Tests.Support;
using Workspace.Domain.Staff;

namespace Workspace.Data.Tests.Notifications;

/// <summary>What <see cref="NotificationRepository"/> promises on every provider.</summary>
public abstract class NotificationRepositoryContract : DatabaseTest
{
    private NotificationRepository Notifications => new(Db);

    private WorkspaceSeed Seed => new(Db);

    private Task<SeededStaff> AgentAsync(string name = "Alex Morgan") => Seed.AgentAsync(name, [], Now, Ct);

    [Fact]
    public async Task AddAsync_SeveralUsers_EachGetsOneUnread()
    {
        var maya = await AgentAsync("Maya Chen");
        var alex = await AgentAsync("Alex Morgan");
        var conversation = await Seed.OpenAsync(null, Now, Ct);
        const string Text = "Sam Lee mentioned you in a note on “Export fails”.";

        await Notifications.AddAsync([maya.Id, alex.Id], conversation.Id, "mention", Text, Now, Ct);

        foreach (var user in new[] { maya, alex })
        {
            var notification = Assert.Single(await Notifications.UnreadAsync(user.Id, Ct));
            Assert.Equal(new Notification(notification.Id, user.Id, conversation.Id, "mention", Text, Now, null), notification);
        }
    }

    [Fact]
    public async Task AddAsync_WithoutConversation_Stored()
    {
        var agent = await AgentAsync();

        await Notifications.AddAsync([agent.Id], null, "system", "Your capacity was changed to 6.", Now, Ct);

        Assert.Null(Assert.Single(await Notifications.UnreadAsync(agent.Id, Ct)).ConversationId);
    }

    [Fact]
    public async Task AddAsync_NoUsers_NothingStored()
    {
        var agent = await AgentAsync();

        await Notifications.AddAsync([], null, "mention", "Nobody", Now, Ct);

        Assert.Empty(await Notifications.UnreadAsync(agent.Id, Ct));
    }

    [Fact]
    public async Task UnreadAsync_Several_NewestFirst()
    {
        var agent = await AgentAsync();
        foreach (var text in new[] { "first", "second", "third" })
        {
            await Notifications.AddAsync([agent.Id], null, "transfer", text, Now, Ct);
        }

        Assert.Equal(["third", "second", "first"], (await Notifications.UnreadAsync(agent.Id, Ct)).Select(n => n.Text));
    }

    [Fact]
    public async Task UnreadAsync_OtherUsersNotifications_NotIncluded()
    {
        var me = await AgentAsync("Alex Morgan");
        var other = await AgentAsync("Maya Chen");
        await Notifications.AddAsync([other.Id], null, "mention", "Not for you", Now, Ct);

        Assert.Empty(await Notifications.UnreadAsync(me.Id, Ct));
    }

    [Fact]
    public async Task UnreadAsync_MoreThanFifty_NewestFifty()
    {
        var agent = await AgentAsync();
        for (var i = 1; i <= 55; i++)
        {
            await Notifications.AddAsync([agent.Id], null, "mention", $"n{i}", Now.AddSeconds(i), Ct);
        }

        var unread = await Notifications.UnreadAsync(agent.Id, Ct);

        Assert.Equal(Enumerable.Range(6, 50).Reverse().Select(i => $"n{i}"), unread.Select(n => n.Text));
    }

    [Fact]
    public async Task MarkAllReadAsync_Unread_NoneLeftForThatUserOnly()
    {
        var me = await AgentAsync("Alex Morgan");
        var other = await AgentAsync("Maya Chen");
        await Notifications.AddAsync([me.Id, other.Id], null, "mention", "Both", Now, Ct);
        await Notifications.AddAsync([me.Id], null, "transfer", "Mine", Now, Ct);

        await Notifications.MarkAllReadAsync(me.Id, Now.AddMinutes(1), Ct);

        Assert.Empty(await Notifications.UnreadAsync(me.Id, Ct));
        Assert.Single(await Notifications.UnreadAsync(other.Id, Ct));
    }

    [Fact]
    public async Task MarkAllReadAsync_ThenNewNotification_OnlyTheNewOneUnread()
    {
        var agent = await AgentAsync();
        await Notifications.AddAsync([agent.Id], null, "mention", "old", Now, Ct);
        await Notifications.MarkAllReadAsync(agent.Id, Now.AddMinutes(1), Ct);

        await Notifications.AddAsync([agent.Id], null, "mention", "new", Now.AddMinutes(2), Ct);

        Assert.Equal(["new"], (await Notifications.UnreadAsync(agent.Id, Ct)).Select(n => n.Text));
    }

    [Fact]
    public async Task MarkAllReadAsync_NothingUnread_NoError()
    {
        var reviewer = await Seed.StaffAsync("Quinn Reviewer", [Role.QA], Now, Ct);

        await Notifications.MarkAllReadAsync(reviewer.Id, Now, Ct);

        Assert.Empty(await Notifications.UnreadAsync(reviewer.Id, Ct));
    }
}
