using System.Net;
using System.Text.Json;
using Workspace.Domain.Signals;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.ApiCalls;

namespace Workspace.Web.Tests.Features.Context;

/// <summary>
/// <c>GET /api/v1/customers/{externalId}/context</c>: what the panel shows, with the lifecycle stage and
/// every signal explained, for the demo customers and for customers the integration builds up.
/// </summary>
public sealed class CustomerContextEndpointTests(WorkspaceApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateApiClient();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private int _events;

    private static readonly string[] Sources = ["Declared", "Observed", "Computed"];
    private static readonly int[] EarlyUtcHours = [0, 1, 2];

    private object Event(string kind, string name, DateTimeOffset at) =>
        new { eventId = $"ctx-{Interlocked.Increment(ref _events)}", kind, name, occurredAt = at };

    private async Task<string> CreateCustomerAsync(object profile)
    {
        var id = NewCustomerId();
        using var response = await _client.SendJsonAsync(HttpMethod.Put, CustomerPath(id), profile);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private Task<string> CreateNewCustomerAsync(double signedUpDaysAgo = 3, string experienceLevel = "New", string? timeZone = null) =>
        CreateCustomerAsync(new
        {
            name = "Context Customer",
            tier = "Pro",
            arr = 12_000m,
            lifetimeValue = 30_000m,
            plan = "Pro Annual",
            experienceLevel,
            timeZone,
            signedUpAt = _now.AddDays(-signedUpDaysAgo),
            renewalAt = _now.AddDays(300),
        });

    private async Task PostEventsAsync(string id, params object[] events)
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), events);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task PostTransactionAsync(string id, string transactionId, string kind, decimal amount, string status, DateTimeOffset at)
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/transactions"),
            new { transactionId, kind, amount, currency = "USD", status, occurredAt = at });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<long> OpenConversationAsync(string id, string subject)
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, "/api/v1/conversations",
            new { customerExternalId = id, subject, message = new { clientMessageId = Guid.NewGuid().ToString("N"), body = "Hello, I need help." } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Opening a conversation returned {response.StatusCode}.");
        var opened = await response.JsonAsync();
        return opened.GetProperty("conversation").GetProperty("id").GetInt64();
    }

    private static JsonElement Signal(JsonElement context, string key) =>
        context.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? "").ToList();

    // --- Shape ---

    [Fact]
    public async Task Context_NewCustomer_HasEverySectionThePanelShows()
    {
        var id = await CreateNewCustomerAsync();

        var context = await _client.ContextAsync(id);

        Assert.Equal(id, Text(context.GetProperty("customer"), "externalId"));
        var lifecycle = context.GetProperty("lifecycleStage");
        Assert.Equal("Onboarding", Text(lifecycle, "stage"));
        Assert.Equal("Computed", Text(lifecycle, "stageSource"));
        Assert.False(lifecycle.GetProperty("atRisk").GetBoolean());
        Assert.Equal("Computed", Text(lifecycle, "atRiskSource"));
        Assert.Equal(
            ["Onboarding: signed up 3 days ago (within 30 days) and 0 of 5 core steps done.",
                "No sign of risk: activity steady, no failed payment near renewal, no low rating."],
            Strings(lifecycle.GetProperty("reasons")));
        var value = context.GetProperty("valueScore");
        Assert.Equal(CustomerSignals.ComputeValueScore(12_000m, 30_000m), value.GetProperty("score").GetInt32());
        Assert.Equal(CustomerSignals.ValueScoreFormula, Text(value, "formula"));
        Assert.Equal(JsonValueKind.Array, context.GetProperty("segments").ValueKind);
        var onboarding = context.GetProperty("onboarding");
        Assert.Equal(0, onboarding.GetProperty("percent").GetInt32());
        Assert.Empty(onboarding.GetProperty("completed").EnumerateArray());
        Assert.Empty(onboarding.GetProperty("failed").EnumerateArray());
        Assert.Equal("create-workspace", Text(onboarding, "nextStep"));
        var preferences = context.GetProperty("preferences");
        Assert.Equal(JsonValueKind.Null, preferences.GetProperty("declared").ValueKind);
        Assert.Equal(JsonValueKind.Null, preferences.GetProperty("observed").GetProperty("mostActiveHours").ValueKind);
        Assert.StartsWith("Too little activity", Text(preferences.GetProperty("observed"), "reason"), StringComparison.Ordinal);
        Assert.Equal("Guided", Text(preferences, "effectiveTone"));
        Assert.Empty(context.GetProperty("recentEvents").EnumerateArray());
        Assert.Empty(context.GetProperty("transactions").GetProperty("recent").EnumerateArray());
        var totals = context.GetProperty("transactions").GetProperty("totals");
        Assert.Equal((0, 0m, 0m, 0m, 0), (totals.GetProperty("count").GetInt32(), totals.GetProperty("paid").GetDecimal(),
            totals.GetProperty("refunded").GetDecimal(), totals.GetProperty("outstanding").GetDecimal(), totals.GetProperty("failedPaymentsLast90Days").GetInt32()));
        var conversations = context.GetProperty("conversations");
        Assert.Empty(conversations.GetProperty("recent").EnumerateArray());
        Assert.Equal((0, 0), (conversations.GetProperty("total").GetInt32(), conversations.GetProperty("open").GetInt32()));
        Assert.Equal((0, 0), await _client.TotalsAsync(id));
    }

    [Fact]
    public async Task Context_Signals_EachWithKeyLabelValueSourceReasonAndTop()
    {
        var id = await CreateNewCustomerAsync();

        var signals = (await _client.ContextAsync(id)).GetProperty("signals").EnumerateArray().ToList();

        Assert.Equal(
            ["tier", "valueScore", "arr", "lifecycleStage", "atRisk", "onboarding", "activityTrend", "unresolvedIssues", "repeatContact",
                "adoption", "lastCsat", "experienceLevel", "preferredTone"],
            signals.Select(s => Text(s, "key")));
        Assert.All(signals, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(s, "label")));
            Assert.False(string.IsNullOrWhiteSpace(Text(s, "value")));
            Assert.False(string.IsNullOrWhiteSpace(Text(s, "reason")));
            Assert.Contains(Text(s, "source"), Sources);
            Assert.True(s.GetProperty("top").ValueKind is JsonValueKind.True or JsonValueKind.False);
        });
        Assert.Equal(["tier", "valueScore", "lifecycleStage"], signals.Where(s => s.GetProperty("top").GetBoolean()).Select(s => Text(s, "key")));
    }

    // --- Demo customers ---

    [Fact]
    public async Task Context_DemoCustomerStuckConnectingDataSource_OnboardingWithFailedStepOnTop()
    {
        var context = await _client.ContextAsync("cus_0002");

        Assert.Equal("Pro", Text(context.GetProperty("customer"), "tier"));
        var lifecycle = context.GetProperty("lifecycleStage");
        Assert.Equal("Onboarding", Text(lifecycle, "stage"));
        Assert.Equal("Computed", Text(lifecycle, "stageSource"));
        Assert.Matches(@"^Onboarding: signed up 1[12] days ago \(within 30 days\) and 2 of 5 core steps done\.$", lifecycle.GetProperty("reasons")[0].GetString());
        Assert.Equal(["connect-data-source"], Strings(context.GetProperty("onboarding").GetProperty("failed")));
        Assert.Equal("connect-data-source", Text(context.GetProperty("onboarding"), "nextStep"));
        var onboarding = Signal(context, "onboarding");
        Assert.True(onboarding.GetProperty("top").GetBoolean());
        Assert.Equal("Observed", Text(onboarding, "source"));
        Assert.Contains("failed: connect-data-source", Text(onboarding, "reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_DemoCustomerDeclaredOnboardingAndAtRisk_DeclaredValuesWin()
    {
        var context = await _client.ContextAsync("cus_0006");

        var lifecycle = context.GetProperty("lifecycleStage");
        Assert.Equal("Onboarding", Text(lifecycle, "stage"));
        Assert.Equal("Declared", Text(lifecycle, "stageSource"));
        Assert.True(lifecycle.GetProperty("atRisk").GetBoolean());
        Assert.Equal("Declared", Text(lifecycle, "atRiskSource"));
        Assert.Equal(["Onboarding: declared by the integration.", "At risk: declared by the integration."], Strings(lifecycle.GetProperty("reasons")));
        Assert.Equal(("Onboarding", "Declared"), (Text(Signal(context, "lifecycleStage"), "value"), Text(Signal(context, "lifecycleStage"), "source")));
        var atRisk = Signal(context, "atRisk");
        Assert.Equal(("Yes", "Declared"), (Text(atRisk, "value"), Text(atRisk, "source")));
        Assert.True(atRisk.GetProperty("top").GetBoolean());
    }

    [Fact]
    public async Task Context_DemoMatureEnterprise_MaturityComputedWithValueScoreFromItsMoney()
    {
        var context = await _client.ContextAsync("cus_0001");

        var customer = context.GetProperty("customer");
        Assert.Equal("Enterprise", Text(customer, "tier"));
        Assert.Equal(("Enterprise", "Declared"), (Text(Signal(context, "tier"), "value"), Text(Signal(context, "tier"), "source")));
        var lifecycle = context.GetProperty("lifecycleStage");
        Assert.Equal("Maturity", Text(lifecycle, "stage"));
        Assert.Equal("Computed", Text(lifecycle, "stageSource"));
        Assert.Equal(
            CustomerSignals.ComputeValueScore(customer.GetProperty("arr").GetDecimal(), customer.GetProperty("lifetimeValue").GetDecimal()),
            context.GetProperty("valueScore").GetProperty("score").GetInt32());
        Assert.True(context.GetProperty("conversations").GetProperty("total").GetInt32() > 0);
    }

    // DemoFeatured describes cus_0001 as "a mature enterprise account" that declares nothing about risk;
    // fixed traits are what "the README, tests and a newcomer can rely on".
    [Fact]
    public async Task Context_DemoMatureEnterprise_AtRiskNotDeclared()
    {
        var context = await _client.ContextAsync("cus_0001");

        Assert.Equal(JsonValueKind.Null, context.GetProperty("customer").GetProperty("atRisk").ValueKind);
        Assert.Equal("Computed", Text(context.GetProperty("lifecycleStage"), "atRiskSource"));
    }

    // --- Built up through the API ---

    [Fact]
    public async Task Context_ProfileDeclaresStage_DeclaredStageWinsOverOnboarding()
    {
        var id = await CreateCustomerAsync(new { name = "Declared Stage", tier = "Starter", lifecycleStage = "Maturity", signedUpAt = _now.AddDays(-2) });

        var lifecycle = (await _client.ContextAsync(id)).GetProperty("lifecycleStage");

        Assert.Equal("Maturity", Text(lifecycle, "stage"));
        Assert.Equal("Declared", Text(lifecycle, "stageSource"));
        Assert.Equal("Maturity: declared by the integration.", lifecycle.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task Context_EventsPosted_OnboardingAdoptionAndErrorsFollow()
    {
        var id = await CreateNewCustomerAsync(signedUpDaysAgo: 5);
        await PostEventsAsync(id,
            Event("OnboardingStepCompleted", "create-workspace", _now.AddDays(-4)),
            Event("OnboardingStepFailed", "invite-team", _now.AddDays(-4)),
            Event("OnboardingStepCompleted", "invite-team", _now.AddDays(-3)),
            Event("OnboardingStepFailed", "connect-data-source", _now.AddDays(-2)),
            Event("FeatureUsed", "dashboards", _now.AddDays(-2)),
            Event("FeatureUsed", "reports", _now.AddDays(-1)),
            Event("FeatureUsed", "alerts", _now.AddHours(-5)),
            Event("ErrorRaised", "sync-timeout", _now.AddHours(-4)),
            Event("ErrorRaised", "sync-timeout", _now.AddHours(-3)),
            Event("ErrorRaised", "sync-timeout", _now.AddHours(-2)));

        var context = await _client.ContextAsync(id);

        var onboarding = context.GetProperty("onboarding");
        Assert.Equal(40, onboarding.GetProperty("percent").GetInt32());
        Assert.Equal(["create-workspace", "invite-team"], Strings(onboarding.GetProperty("completed")));
        Assert.Equal(["connect-data-source"], Strings(onboarding.GetProperty("failed")));
        Assert.Equal("Onboarding: signed up 5 days ago (within 30 days) and 2 of 5 core steps done.", context.GetProperty("lifecycleStage").GetProperty("reasons")[0].GetString());
        Assert.True(Signal(context, "onboarding").GetProperty("top").GetBoolean());
        Assert.Equal("3 of 12", Text(Signal(context, "adoption"), "value"));
        var unresolved = Signal(context, "unresolvedIssues");
        Assert.Equal("1", Text(unresolved, "value"));
        Assert.Contains("sync-timeout ×3 in 7 days", Text(unresolved, "reason"), StringComparison.Ordinal);
        Assert.Equal("New activity", Text(Signal(context, "activityTrend"), "value"));
        Assert.Equal(10, context.GetProperty("recentEvents").GetArrayLength());
        Assert.Equal(10, context.GetProperty("totals").GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Context_TransactionsPosted_RecentNewestFirstWithTotals()
    {
        var id = await CreateNewCustomerAsync(signedUpDaysAgo: 200);
        await PostTransactionAsync(id, "inv-old", "Invoice", 100.50m, "Paid", _now.AddDays(-120));
        await PostTransactionAsync(id, "inv-paid", "Invoice", 100m, "Paid", _now.AddDays(-20));
        await PostTransactionAsync(id, "ref-1", "Refund", 20m, "Refunded", _now.AddDays(-10));
        await PostTransactionAsync(id, "inv-failed", "Invoice", 30m, "Failed", _now.AddDays(-2));

        var transactions = (await _client.ContextAsync(id)).GetProperty("transactions");

        Assert.Equal(["inv-failed", "ref-1", "inv-paid", "inv-old"], transactions.GetProperty("recent").EnumerateArray().Select(t => Text(t, "transactionId")));
        var totals = transactions.GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("count").GetInt32());
        Assert.Equal(200.50m, totals.GetProperty("paid").GetDecimal());
        Assert.Equal(20m, totals.GetProperty("refunded").GetDecimal());
        Assert.Equal(30m, totals.GetProperty("outstanding").GetDecimal());
        Assert.Equal(1, totals.GetProperty("failedPaymentsLast90Days").GetInt32());
    }

    [Fact]
    public async Task Context_FailedPaymentWithRenewalNear_AtRiskWithReason()
    {
        var id = await CreateCustomerAsync(new { name = "Renewing", tier = "Pro", signedUpAt = _now.AddDays(-400), renewalAt = _now.AddDays(30) });
        await PostTransactionAsync(id, "inv-failed", "Invoice", 99m, "Failed", _now.AddDays(-1));

        var lifecycle = (await _client.ContextAsync(id)).GetProperty("lifecycleStage");

        Assert.Equal("Retention", Text(lifecycle, "stage"));
        Assert.True(lifecycle.GetProperty("atRisk").GetBoolean());
        Assert.Equal("Computed", Text(lifecycle, "atRiskSource"));
        Assert.Equal("At risk: 1 failed payment(s) in 90 days with renewal near.", lifecycle.GetProperty("reasons")[1].GetString());
    }

    [Fact]
    public async Task Context_TwoConversationsOpened_CountedAsOpenAndRepeatContact()
    {
        var id = await CreateNewCustomerAsync(signedUpDaysAgo: 60);
        var first = await OpenConversationAsync(id, "Export fails");
        var second = await OpenConversationAsync(id, "Still failing");

        var context = await _client.ContextAsync(id);

        var conversations = context.GetProperty("conversations");
        Assert.Equal([second, first], conversations.GetProperty("recent").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal("Still failing", Text(conversations.GetProperty("recent")[0], "subject"));
        Assert.Equal((2, 2), (conversations.GetProperty("total").GetInt32(), conversations.GetProperty("open").GetInt32()));
        var repeat = Signal(context, "repeatContact");
        Assert.Equal("Yes", Text(repeat, "value"));
        Assert.True(repeat.GetProperty("top").GetBoolean());
        Assert.Equal("2 conversations opened in the last 7 days.", Text(repeat, "reason"));
        Assert.True(Signal(context, "unresolvedIssues").GetProperty("top").GetBoolean());
        Assert.Equal("Api", Text(context.GetProperty("preferences").GetProperty("observed"), "preferredChannel"));
    }

    [Fact]
    public async Task Context_RegularActivity_ObservedHoursInCustomersTimeZone()
    {
        // Tokyo keeps UTC+9 all year: 00:10–02:10 UTC is 09:10–11:10 there.
        var id = await CreateNewCustomerAsync(signedUpDaysAgo: 100, timeZone: "Asia/Tokyo");
        var day = new DateTimeOffset(_now.UtcDateTime.Date, TimeSpan.Zero);
        var events = Enumerable.Range(2, 3).SelectMany(d => EarlyUtcHours.Select(h => Event("Login", "login", day.AddDays(-d).AddHours(h).AddMinutes(10))));
        await PostEventsAsync(id, [.. events]);

        var observed = (await _client.ContextAsync(id)).GetProperty("preferences").GetProperty("observed");

        Assert.Equal("09:00–12:00 Asia/Tokyo", Text(observed, "mostActiveHours"));
        Assert.Equal("Most of 9 events in 35 days fall in 09:00–12:00 Asia/Tokyo; no conversations yet; too few replies to tell how fast they answer.", Text(observed, "reason"));
    }

    public void Dispose() => _client.Dispose();
}
