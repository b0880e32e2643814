using System.Net;
using System.Text.Json;
using Workspace.Data.Audit;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Qa.Transcript;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Qa.Transcript;

/// <summary>
/// The transcript CSV a reviewer downloads: what it holds, how it escapes customer text, what it masks for
/// whom, who may download it, and the audit entry each download leaves.
/// </summary>
public sealed class TranscriptExportTests(WorkspaceApp app)
{
    private const string TrickyBody = "He said \"hello, world\",\nthen left; \"bye\"";
    private const string Rendered = "Hi Ada,\nyour invoice for May is attached.";
    private const string Sent = "Hi, your invoice for May is attached.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A General Support conversation opened with <see cref="TrickyBody"/> and answered by the lead from a template they edited.</summary>
    private async Task<long> ConversationAsync()
    {
        var service = app.Service<ConversationService>();
        var customerId = await app.EstablishedCustomerAsync($"Export {Guid.NewGuid().ToString("N")[..8]}");
        var (conversation, _, _) = await service.OpenAsync(customerId, Channel.Chat, "Export", Guid.NewGuid().ToString("N"), TrickyBody, Ct);
        var lead = await app.ScopeAsync(WorkspaceApp.LeadEmail);
        var reply = await service.SendFromStaffAsync(lead, conversation.Id, Guid.NewGuid().ToString("N"), Sent, false, Ct,
            new SentTemplate("invoice-question", 1, true, Rendered));
        Assert.True(reply.Succeeded, reply.Refusal);
        return conversation.Id;
    }

    private async Task<HttpResponseMessage> ExportAsync(string email, long id) =>
        await (await app.DemoSessionAsync(email)).GetAsync(QaTranscriptModule.ExportPathOf(id));

    private static async Task<List<Dictionary<string, string>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = CsvFiles.Records(await response.Content.ReadAsByteArrayAsync(Ct));
        return [.. records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    [Fact]
    public async Task Export_Qa_DownloadsTheTimelineAsCsvWithItsHeader()
    {
        var id = await ConversationAsync();

        using var response = await ExportAsync(WorkspaceApp.QaEmail, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"conversation-{id}-transcript.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = CsvFiles.Records(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["Time (UTC)", "Kind", "Actor", "Summary", "Message", "Template", "Template version", "Edited", "Template rendered", "Changes to the template text", "Details"], records[0]);
        Assert.Equal(["Opened", "Customer message", "Routing decision", "Agent reply"], records.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public async Task Export_CustomerTextWithCommasQuotesAndNewlines_QuotedAndReadBackUnchanged()
    {
        var id = await ConversationAsync();

        using var response = await ExportAsync(WorkspaceApp.QaEmail, id);

        var raw = await response.Content.ReadAsStringAsync(Ct);
        // RFC 4180: the field in quotes, inner quotes doubled, the line break kept inside the quotes.
        Assert.Contains(",\"He said \"\"hello, world\"\",\nthen left; \"\"bye\"\"\",", raw, StringComparison.Ordinal);
        var rows = await RowsAsync(response);
        Assert.Equal(TrickyBody, rows.Single(r => r["Kind"] == "Customer message")["Message"]);
    }

    [Fact]
    public async Task Export_TemplateReply_KeyVersionRenderedTextAndTheAgentsChanges()
    {
        var id = await ConversationAsync();

        using var response = await ExportAsync(WorkspaceApp.LeadEmail, id);

        var reply = (await RowsAsync(response)).Single(r => r["Kind"] == "Agent reply");
        Assert.Equal(("Leah Brooks", Sent, "invoice-question", "1", "yes", Rendered),
            (reply["Actor"], reply["Message"], reply["Template"], reply["Template version"], reply["Edited"], reply["Template rendered"]));
        Assert.StartsWith("Hi[- Ada-]", reply["Changes to the template text"], StringComparison.Ordinal);
        Assert.EndsWith("invoice for May is attached.", reply["Changes to the template text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_QaUnderTheDefaultPolicy_ArrAndTemplateTextMaskedAsOnScreen()
    {
        var id = await ConversationAsync();

        using var qaResponse = await ExportAsync(WorkspaceApp.QaEmail, id);
        using var leadResponse = await ExportAsync(WorkspaceApp.LeadEmail, id);

        var qa = await RowsAsync(qaResponse);
        var lead = await RowsAsync(leadResponse);
        var qaRouting = qa.Single(r => r["Kind"] == "Routing decision")["Details"].Split('\n');
        var leadRouting = lead.Single(r => r["Kind"] == "Routing decision")["Details"].Split('\n');
        Assert.Contains("Signal: ARR: •••", qaRouting);
        Assert.Contains("Signal: Value score: •••", qaRouting);
        Assert.Contains("Signal: ARR: 1,200", leadRouting);
        var qaReply = qa.Single(r => r["Kind"] == "Agent reply");
        Assert.Equal("•••", qaReply["Template rendered"]);
        Assert.DoesNotContain("Ada", qaReply["Changes to the template text"], StringComparison.Ordinal);
        Assert.Contains("[-•••-]", qaReply["Changes to the template text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Qa_AuditedWithTheConversationAndRowCount()
    {
        var id = await ConversationAsync();

        using var response = await ExportAsync(WorkspaceApp.QaEmail, id);
        var rows = await RowsAsync(response);

        var (entries, _) = await app.Service<AuditLog>().PageAsync(TranscriptService.ExportedAction, 0, 500, Ct);
        var entry = Assert.Single(entries, e => e.Target == $"conversation:{id}");
        Assert.Equal(WorkspaceApp.QaEmail, entry.Actor);
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal((id, rows.Count), (details.RootElement.GetProperty("conversationId").GetInt64(), details.RootElement.GetProperty("rows").GetInt32()));
    }

    [Fact]
    public async Task Export_Agent_RefusedWith403AndNothingOfTheConversation()
    {
        var id = await ConversationAsync();

        using var response = await ExportAsync(WorkspaceApp.AgentEmail, id);

        var problem = await response.ProblemBodyAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Exporting transcripts is for QA reviewers, leads and admins.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("hello, world", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var (refusals, _) = await app.Service<AuditLog>().PageAsync("access.refused", 0, 500, Ct);
        Assert.Contains(refusals, e => e.Target == $"conversation:{id}" && e.Actor == WorkspaceApp.AgentEmail);
        var (exports, _) = await app.Service<AuditLog>().PageAsync(TranscriptService.ExportedAction, 0, 500, Ct);
        Assert.DoesNotContain(exports, e => e.Target == $"conversation:{id}");
    }

    [Fact]
    public async Task Export_Anonymous_SentToSignIn()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(QaTranscriptModule.ExportPathOf(await ConversationAsync()));

        HttpAssert.RedirectsToLogin(response);
    }

    [Fact]
    public async Task Export_UnknownConversation_404WithTheReason()
    {
        using var response = await ExportAsync(WorkspaceApp.QaEmail, long.MaxValue);

        var problem = await response.ProblemBodyAsync(HttpStatusCode.NotFound);
        Assert.Equal($"Conversation {long.MaxValue} does not exist.", problem.GetProperty("detail").GetString());
    }
}
