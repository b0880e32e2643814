using System.Net;
using System.Text.Json;
using Workspace.Data.Audit;
using Workspace.Domain.Conversations;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Qa;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Qa.Search;

/// <summary>
/// The search a reviewer downloads as CSV: it holds what the search found (the same filters as the page), escapes
/// customer text, is refused to roles that do not review, refuses a filter it cannot read, and is audited.
/// </summary>
public sealed class QaSearchExportTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two conversations whose messages share a word nothing else contains; the first has a subject that needs quoting.</summary>
    private async Task<(string Word, long Tricky, long Plain)> ConversationsAsync()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var service = app.Service<ConversationService>();
        var customerId = await app.EstablishedCustomerAsync($"Search export {word[..6]}");
        var (tricky, _, _) = await service.OpenAsync(customerId, Channel.Chat, "Refund, \"urgent\"", Guid.NewGuid().ToString("N"), $"My {word} is broken", Ct);
        var (plain, _, _) = await service.OpenAsync(customerId, Channel.Email, "Plain", Guid.NewGuid().ToString("N"), $"Another {word} question", Ct);
        return (word, tricky.Id, plain.Id);
    }

    private async Task<HttpResponseMessage> ExportAsync(string email, string query) =>
        await (await app.DemoSessionAsync(email)).GetAsync(QaModule.SearchExportPath + query);

    [Fact]
    public async Task Export_TextSearch_HeaderThenEveryMatchNewestFirst()
    {
        var (word, tricky, plain) = await ConversationsAsync();

        using var response = await ExportAsync(WorkspaceApp.QaEmail, $"?q={word}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var records = CsvFiles.Records(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["Conversation", "Opened (UTC)", "Customer", "Customer id", "Subject", "Channel", "Priority", "Status", "Team", "Agent",
            "First response (UTC)", "Resolved (UTC)", "CSAT", "First-response SLA", "Routing rule", "Reassigned", "Template replies"], records[0]);
        Assert.Equal([plain.ToString(System.Globalization.CultureInfo.InvariantCulture), tricky.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            records.Skip(1).Select(r => r[0]));
        var row = records[2];
        Assert.Equal(("Refund, \"urgent\"", "Chat", "General Support", "Default", "no"), (row[4], row[5], row[8], row[14], row[15]));
    }

    [Fact]
    public async Task Export_SubjectWithCommaAndQuotes_QuotedWithQuotesDoubled()
    {
        var (word, _, _) = await ConversationsAsync();

        using var response = await ExportAsync(WorkspaceApp.LeadEmail, $"?q={word}&sort=oldest");

        var raw = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(",\"Refund, \"\"urgent\"\"\",Chat,", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FiltersApplyLikeThePage()
    {
        var (word, _, _) = await ConversationsAsync();

        async Task<int> RowsAsync(string query)
        {
            using var response = await ExportAsync(WorkspaceApp.QaEmail, query);
            return CsvFiles.Records(await response.Content.ReadAsByteArrayAsync(Ct)).Count - 1;
        }

        Assert.Equal(2, await RowsAsync($"?q={word}&reassigned=no&status=Open"));
        Assert.Equal(0, await RowsAsync($"?q={word}&reassigned=yes"));
        Assert.Equal(0, await RowsAsync($"?q={word}&status=Resolved"));
        Assert.Equal(0, await RowsAsync($"?q={word}&tier=Enterprise"));
    }

    [Fact]
    public async Task Export_Audited_WithTheSearchAndRowCount()
    {
        var (word, _, _) = await ConversationsAsync();

        using var response = await ExportAsync(WorkspaceApp.QaEmail, $"?q={word}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (entries, _) = await app.Service<AuditLog>().PageAsync(QaModule.SearchExportedAction, 0, 500, Ct);
        var entry = Assert.Single(entries, e => e.Target == $"{QaModule.SearchExportPath}?q={word}");
        Assert.Equal(WorkspaceApp.QaEmail, entry.Actor);
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal(2, details.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Export_Agent_RefusedWith403AndAudited()
    {
        var (word, _, _) = await ConversationsAsync();

        using var response = await ExportAsync(WorkspaceApp.AgentEmail, $"?q={word}");

        var problem = await response.ProblemBodyAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Exporting conversation searches is for QA reviewers, leads and admins.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(word, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var (refusals, _) = await app.Service<AuditLog>().PageAsync("access.refused", 0, 500, Ct);
        Assert.Contains(refusals, e => e.Target == QaModule.SearchExportPath && e.Actor == WorkspaceApp.AgentEmail);
    }

    [Fact]
    public async Task Export_FilterItCannotRead_400NamingIt()
    {
        using var response = await ExportAsync(WorkspaceApp.QaEmail, "?csat=9&q=refund");

        var problem = await response.ProblemBodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from 1 to 5", problem.GetProperty("errors").GetProperty("csat")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Anonymous_SentToSignIn()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(QaModule.SearchExportPath);

        HttpAssert.RedirectsToLogin(response);
    }
}
