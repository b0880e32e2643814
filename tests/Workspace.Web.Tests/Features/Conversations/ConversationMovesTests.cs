using Workspace.Data.Conversations;
using Workspace.Data.Quality;
using Workspace.Data.Teams;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Conversations;

/// <summary>
/// What QA and the metrics count as a move or a reopening: an escalation moves a conversation like a transfer does;
/// opening a snoozed conversation early wakes it, it does not reopen it.
/// </summary>
public sealed class ConversationMovesTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConversationService Service => app.Service<ConversationService>();

    private async Task<(long Id, string Word)> OpenAsync()
    {
        var word = "mv" + Guid.NewGuid().ToString("N")[..10];
        var customerId = await app.EstablishedCustomerAsync($"Moved {word[..6]}");
        var (conversation, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Moves", Guid.NewGuid().ToString("N"), $"Help with {word}", Ct);
        return (conversation.Id, word);
    }

    private async Task<bool> FoundAsReassignedAsync(string word)
    {
        var (rows, _) = await app.Service<QaSearchQueries>().SearchAsync(new QaSearchFilter { Text = word, Reassigned = true }, QaSort.Newest, 0, 10,
            DateTimeOffset.UtcNow, Ct);
        return rows.Count == 1;
    }

    [Fact]
    public async Task Escalate_CountsAsAMoveAfterRouting()
    {
        var (id, word) = await OpenAsync();
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        Assert.False(await FoundAsReassignedAsync(word));
        var technical = (await app.Service<TeamRepository>().FindTeamAsync("Technical Escalations", Ct))!;

        var escalated = await Service.EscalateAsync(lead, id, technical.Id, new EscalationSummary("Asked for the logs", "Cannot export", null), Ct);

        Assert.True(escalated.Succeeded, escalated.Refusal);
        Assert.True(await FoundAsReassignedAsync(word));
    }

    [Fact]
    public async Task Reopen_SnoozedConversation_RecordedAsWokenNotReopened()
    {
        var (id, _) = await OpenAsync();
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        Assert.True((await Service.SnoozeAsync(lead, id, DateTimeOffset.UtcNow.AddHours(2), Ct)).Succeeded);

        var reopened = await Service.ReopenAsync(lead, id, Ct);

        Assert.True(reopened.Succeeded, reopened.Refusal);
        Assert.Equal(ConversationStatus.Open, reopened.Value!.Status);
        var kinds = (await app.Service<ConversationRepository>().EventsAsync(id, Ct)).Select(e => e.Kind).ToList();
        Assert.Contains("woke", kinds);
        Assert.DoesNotContain("reopened", kinds);
    }

    [Fact]
    public async Task Reopen_ResolvedConversation_RecordedAsReopened()
    {
        var (id, _) = await OpenAsync();
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        Assert.True((await Service.ResolveAsync(lead, id, Ct)).Succeeded);

        Assert.True((await Service.ReopenAsync(lead, id, Ct)).Succeeded);

        Assert.Contains("reopened", (await app.Service<ConversationRepository>().EventsAsync(id, Ct)).Select(e => e.Kind));
    }
}
