using System.Net;
using System.Text.Json;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.ApiCalls;

namespace Workspace.Web.Tests.Features.Api;

/// <summary>The integration's round trip: upsert a profile, push events and transactions, read the context.</summary>
public sealed class CustomerEndpointsTests(WorkspaceApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateApiClient();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private static object Event(string id, DateTimeOffset at, string kind = "FeatureUsed", string name = "reports.export") =>
        new { eventId = id, kind, name, occurredAt = at, properties = new Dictionary<string, string> { ["source"] = "tests" } };

    [Fact]
    public async Task Upsert_NewThenExisting_Returns201Then200WithStoredFields()
    {
        var id = NewCustomerId();
        var signedUp = new DateTimeOffset(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

        using var created = await _client.SendJsonAsync(HttpMethod.Put, CustomerPath(id), new
        {
            name = "Ada Lovelace",
            email = "ada@example.com",
            phone = "+44 20 7946 0000",
            company = "Analytical Engines Ltd",
            locale = "en-GB",
            timeZone = "Europe/London",
            tier = "Pro",
            arr = 12000.5m,
            lifetimeValue = 30000m,
            plan = "pro-annual",
            productVersion = "4.2",
            lifecycleStage = "Adoption",
            atRisk = true,
            experienceLevel = "Expert",
            signedUpAt = signedUp,
            attributes = new Dictionary<string, string> { ["region"] = "emea" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(CustomerPath(id, "/context"), created.Headers.Location?.OriginalString);
        var body = await created.JsonAsync();
        Assert.Equal(id, body.GetProperty("externalId").GetString());
        Assert.Equal("Ada Lovelace", body.GetProperty("name").GetString());
        Assert.Equal("ada@example.com", body.GetProperty("email").GetString());
        Assert.Equal("Analytical Engines Ltd", body.GetProperty("company").GetString());
        Assert.Equal("en-GB", body.GetProperty("locale").GetString());
        Assert.Equal("Europe/London", body.GetProperty("timeZone").GetString());
        Assert.Equal("Pro", body.GetProperty("tier").GetString());
        Assert.Equal(12000.5m, body.GetProperty("arr").GetDecimal());
        Assert.Equal(30000m, body.GetProperty("lifetimeValue").GetDecimal());
        Assert.Equal("Adoption", body.GetProperty("lifecycleStage").GetString());
        Assert.True(body.GetProperty("atRisk").GetBoolean());
        Assert.Equal("Expert", body.GetProperty("experienceLevel").GetString());
        Assert.Equal(signedUp, body.GetProperty("signedUpAt").GetDateTimeOffset());
        Assert.Equal("emea", body.GetProperty("attributes").GetProperty("region").GetString());

        using var updated = await _client.SendJsonAsync(HttpMethod.Put, CustomerPath(id), new { name = "Ada King", tier = "Enterprise", arr = 50000m });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stored = (await _client.ContextAsync(id)).GetProperty("customer");
        Assert.Equal("Ada King", stored.GetProperty("name").GetString());
        Assert.Equal("Enterprise", stored.GetProperty("tier").GetString());
        Assert.Equal(50000m, stored.GetProperty("arr").GetDecimal());
        Assert.Equal(body.GetProperty("createdAt").GetDateTimeOffset(), stored.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Events_PostedTwiceWithSameIds_AreStoredOnce()
    {
        var id = await _client.CreateCustomerAsync();
        object[] batch = [Event("e-1", _now.AddHours(-3)), Event("e-2", _now.AddHours(-2)), Event("e-3", _now.AddHours(-1))];

        using var first = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), batch);
        using var retry = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), batch);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        AssertAccepted(await first.JsonAsync(), received: 3, stored: 3, duplicates: 0);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        AssertAccepted(await retry.JsonAsync(), received: 3, stored: 0, duplicates: 3);
        Assert.Equal(3, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_BatchOverlappingEarlierOne_StoresOnlyTheNewEvents()
    {
        var id = await _client.CreateCustomerAsync();
        using var first = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            new[] { Event("a", _now.AddMinutes(-3)), Event("b", _now.AddMinutes(-2)) });

        using var second = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            new[] { Event("b", _now.AddMinutes(-2)), Event("c", _now.AddMinutes(-1)) });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        AssertAccepted(await second.JsonAsync(), received: 2, stored: 1, duplicates: 1);
        Assert.Equal(3, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_SingleObject_IsStored()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), Event("single", _now.AddMinutes(-1), "Login", "login"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertAccepted(await response.JsonAsync(), received: 1, stored: 1, duplicates: 0);
        var recent = (await _client.ContextAsync(id)).GetProperty("recentEvents");
        var stored = Assert.Single(recent.EnumerateArray());
        Assert.Equal("single", stored.GetProperty("eventId").GetString());
        Assert.Equal("Login", stored.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Events_WrappedInEventsProperty_AreStored()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            new { events = new[] { Event("w-1", _now.AddMinutes(-2)), Event("w-2", _now.AddMinutes(-1)) } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertAccepted(await response.JsonAsync(), received: 2, stored: 2, duplicates: 0);
        Assert.Equal(2, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Transactions_PostedTwiceWithSameId_AreStoredOnce()
    {
        var id = await _client.CreateCustomerAsync();
        var transaction = new
        {
            transactionId = "inv-1001",
            kind = "Invoice",
            amount = 249.99m,
            currency = "eur",
            status = "Paid",
            occurredAt = _now.AddDays(-1),
            description = "Pro plan, March",
        };

        using var first = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/transactions"), transaction);
        using var retry = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/transactions"), transaction);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var accepted = await first.JsonAsync();
        Assert.Equal("inv-1001", accepted.GetProperty("transactionId").GetString());
        Assert.True(accepted.GetProperty("stored").GetBoolean());
        Assert.False(accepted.GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var duplicate = await retry.JsonAsync();
        Assert.False(duplicate.GetProperty("stored").GetBoolean());
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());
        var context = await _client.ContextAsync(id);
        Assert.Equal(1, context.GetProperty("totals").GetProperty("transactions").GetInt32());
        var stored = Assert.Single(context.GetProperty("transactions").GetProperty("recent").EnumerateArray());
        Assert.Equal(249.99m, stored.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", stored.GetProperty("currency").GetString());
        Assert.Equal("Paid", stored.GetProperty("status").GetString());
        Assert.Equal("Pro plan, March", stored.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Context_AfterEventsAndTransactions_ShowsProfileNewestEventsFirstAndTotals()
    {
        var id = await _client.CreateCustomerAsync();
        // Posted out of order: the context orders by when things happened, not when they arrived.
        using var events = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), new[]
        {
            Event("middle", _now.AddHours(-2)),
            Event("newest", _now.AddHours(-1), "OnboardingStepFailed", "connect-crm"),
            Event("oldest", _now.AddHours(-3)),
        });
        Assert.Equal(HttpStatusCode.Created, events.StatusCode);
        using var order = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/transactions"),
            new { transactionId = "ord-1", kind = "Order", amount = 10m, currency = "USD", status = "Pending", occurredAt = _now.AddHours(-1) });
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);

        var context = await _client.ContextAsync(id);

        Assert.Equal(id, context.GetProperty("customer").GetProperty("externalId").GetString());
        Assert.Equal("Test Customer", context.GetProperty("customer").GetProperty("name").GetString());
        var recent = context.GetProperty("recentEvents").EnumerateArray().ToList();
        Assert.Equal(["newest", "middle", "oldest"], recent.Select(e => e.GetProperty("eventId").GetString()));
        Assert.Equal("OnboardingStepFailed", recent[0].GetProperty("kind").GetString());
        Assert.Equal("connect-crm", recent[0].GetProperty("name").GetString());
        Assert.Equal("tests", recent[0].GetProperty("properties").GetProperty("source").GetString());
        Assert.Equal(_now.AddHours(-1).ToUnixTimeMilliseconds(), recent[0].GetProperty("occurredAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("ord-1", Assert.Single(context.GetProperty("transactions").GetProperty("recent").EnumerateArray()).GetProperty("transactionId").GetString());
        Assert.Equal(3, context.GetProperty("totals").GetProperty("events").GetInt32());
        Assert.Equal(1, context.GetProperty("totals").GetProperty("transactions").GetInt32());
    }

    [Fact]
    public async Task Context_DemoCustomer_HasSeededHistory()
    {
        var context = await _client.ContextAsync("cus_0001");

        Assert.NotEmpty(context.GetProperty("recentEvents").EnumerateArray());
        Assert.True(context.GetProperty("totals").GetProperty("events").GetInt32() > 0);
    }

    [Fact]
    public async Task Context_UnknownCustomer_Returns404ProblemDetails()
    {
        using var response = await _client.GetPathAsync(CustomerPath(NewCustomerId(), "/context"));

        await response.ProblemBodyAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Context_UnknownCustomer_Returns404AsProblemJsonMediaType()
    {
        using var response = await _client.GetPathAsync(CustomerPath(NewCustomerId(), "/context"));

        // RFC 9457: clients recognise problem details by the application/problem+json media type, as the 400, 401 and 413 replies use.
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static void AssertAccepted(JsonElement reply, int received, int stored, int duplicates)
    {
        Assert.Equal(received, reply.GetProperty("received").GetInt32());
        Assert.Equal(stored, reply.GetProperty("stored").GetInt32());
        Assert.Equal(duplicates, reply.GetProperty("duplicates").GetInt32());
    }

    public void Dispose() => _client.Dispose();
}
