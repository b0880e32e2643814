using Workspace.Domain.Conversations;
using Workspace.Domain.Quality.Timeline;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Qa.Transcript;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Qa.Transcript;

/// <summary>Who may read a conversation's transcript: the conversation access rules, checked by the service.</summary>
public sealed class TranscriptServiceTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TranscriptService Service => app.Service<TranscriptService>();

    private async Task<long> GeneralSupportConversationAsync()
    {
        var customerId = await app.EstablishedCustomerAsync("Transcript Access");
        var (conversation, _, _) = await app.Service<ConversationService>().OpenAsync(customerId, Channel.Chat, "Access", Guid.NewGuid().ToString("N"), "Who can read this?", Ct);
        Assert.Equal(HubStaff.GeneralSupport, conversation.TeamName);
        return conversation.Id;
    }

    private async Task<TranscriptResult> LoadAsAsync(string email, long id) =>
        await Service.LoadAsync(StaffAuth.ToPrincipal(await app.StaffUserAsync(email)), id, Ct);

    [Theory]
    [InlineData(WorkspaceApp.QaEmail)]
    [InlineData(WorkspaceApp.LeadEmail)]
    [InlineData(WorkspaceApp.AdminEmail)]
    [InlineData(WorkspaceApp.AgentEmail)]
    public async Task LoadAsync_ReviewersAndTheTeamsAgent_GetTheTimeline(string email)
    {
        var id = await GeneralSupportConversationAsync();

        var result = await LoadAsAsync(email, id);

        Assert.Equal(TranscriptRefusal.None, result.Refusal);
        Assert.Equal([TimelineEntryKind.Opened, TimelineEntryKind.CustomerMessage, TimelineEntryKind.Routed], result.Transcript!.Entries.Select(e => e.Kind));
        Assert.Equal("Who can read this?", result.Transcript.Entries[1].Text);
    }

    [Fact]
    public async Task LoadAsync_AgentOfAnotherTeam_Refused()
    {
        var id = await GeneralSupportConversationAsync();

        var result = await LoadAsAsync("jonas.weber@demo.local", id);

        Assert.Null(result.Transcript);
        Assert.Equal((TranscriptRefusal.NotAllowed, "This conversation belongs to a team you are not in."), (result.Refusal, result.Message));
    }
}
