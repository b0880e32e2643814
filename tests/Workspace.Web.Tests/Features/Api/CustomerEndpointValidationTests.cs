using System.Net;
using System.Text;
using System.Text.Json;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.ApiCalls;

namespace Workspace.Web.Tests.Features.Api;

/// <summary>Every way a request can be wrong gets a problem reply that says what to fix, and stores nothing.</summary>
public sealed class CustomerEndpointValidationTests(WorkspaceApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateApiClient();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private object Event(string id) => new { eventId = id, kind = "FeatureUsed", name = "search", occurredAt = _now.AddMinutes(-5) };

    [Fact]
    public async Task Upsert_InvalidFields_Returns400NamingEachFieldAndStoresNothing()
    {
        var id = NewCustomerId();

        using var response = await _client.SendJsonAsync(HttpMethod.Put, CustomerPath(id),
            new { name = "", tier = "Platinum", arr = -5m, email = "not-an-email", timeZone = "Mars/Olympus" });

        var fields = await response.InvalidFieldsAsync();
        Assert.Equal(["arr", "email", "name", "tier", "timeZone"], fields.Order(StringComparer.Ordinal));
        using var read = await _client.GetPathAsync(CustomerPath(id, "/context"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Upsert_InvalidExternalIdInPath_Returns400NamingIt()
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Put, CustomerPath("has%20space"), new { name = "A", tier = "Pro" });

        Assert.Contains("externalId", await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Upsert_UnknownField_Returns400NamingIt()
    {
        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(NewCustomerId()),
            """{ "name": "Ada", "tier": "Pro", "nickname": "Countess" }""");

        Assert.Equal(["nickname"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Upsert_WrongJsonType_Returns400NamingTheField()
    {
        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(NewCustomerId()),
            """{ "name": "Ada", "tier": "Pro", "arr": "lots" }""");

        Assert.Equal(["arr"], await response.InvalidFieldsAsync());
    }

    [Theory]
    [InlineData("""{ "name": "Ada", """)]
    [InlineData("""{ "name": "Ada", "tier": "Pro", }""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task Upsert_MalformedJson_Returns400(string body)
    {
        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(NewCustomerId()), body);

        Assert.NotEmpty(await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Upsert_JsonArrayInsteadOfObject_Returns400()
    {
        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(NewCustomerId()), """[{ "name": "Ada", "tier": "Pro" }]""");

        Assert.NotEmpty(await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Events_BatchWithOneInvalidEvent_Returns400NamingItAndStoresNothing()
    {
        var id = await _client.CreateCustomerAsync();
        var bad = new { eventId = "bad", kind = "Teleported", name = "", occurredAt = _now.AddMinutes(-1) };

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), new[] { Event("ok-1"), bad, Event("ok-2") });

        Assert.Equal(["events[1].kind", "events[1].name"], (await response.InvalidFieldsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_BatchWithMistypedField_Returns400NamingIndexAndFieldAndStoresNothing()
    {
        var id = await _client.CreateCustomerAsync();
        var body = $$"""
            [
              {{JsonSerializer.Serialize(Event("ok-1"), JsonSerializerOptions.Web)}},
              { "eventId": "typed", "kind": "Login", "name": "login", "occurredAt": 12345 }
            ]
            """;

        using var response = await _client.SendAsync(HttpMethod.Post, CustomerPath(id, "/events"), body);

        Assert.Equal(["events[1].occurredAt"], await response.InvalidFieldsAsync());
        Assert.Equal(0, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_UnknownFieldInBatch_Returns400NamingIndexAndField()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            $$"""{ "events": [ { "eventId": "x", "kind": "Login", "name": "login", "occuredAt": "{{_now.AddMinutes(-1):O}}" } ] }""");

        Assert.Equal(["events[0].occuredAt"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Events_SameIdTwiceInOneBatch_Returns400AndStoresNothing()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), new[] { Event("twice"), Event("twice") });

        Assert.Equal(["events[1].eventId"], await response.InvalidFieldsAsync());
        Assert.Equal(0, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_InTheFuture_Returns400NamingOccurredAt()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            new { eventId = "future", kind = "Login", name = "login", occurredAt = _now.AddDays(1) });

        Assert.Equal(["occurredAt"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Events_BatchOf1001_Returns400AndStoresNothing()
    {
        var id = await _client.CreateCustomerAsync();
        var batch = Enumerable.Range(0, 1001).Select(i => Event($"bulk-{i}")).ToArray();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), batch);

        Assert.Equal(["events"], await response.InvalidFieldsAsync());
        Assert.Equal(0, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_BatchOf1000_IsStored()
    {
        var id = await _client.CreateCustomerAsync();
        var batch = Enumerable.Range(0, 1000).Select(i => Event($"bulk-{i}")).ToArray();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/events"), batch);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1000, (await _client.TotalsAsync(id)).Events);
    }

    [Fact]
    public async Task Events_EmptyBatch_Returns400()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, CustomerPath(id, "/events"), "[]");

        Assert.Equal(["events"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Events_UnknownCustomer_Returns404Problem()
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(NewCustomerId(), "/events"), Event("orphan"));

        var problem = await response.ProblemBodyAsync(HttpStatusCode.NotFound);
        Assert.Contains("PUT /api/v1/customers", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transactions_InvalidFields_Returns400NamingEachField()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(id, "/transactions"),
            new { transactionId = "", kind = "Gift", amount = -1m, currency = "euro", status = "Paid" });

        Assert.Equal(["amount", "currency", "kind", "occurredAt", "transactionId"], (await response.InvalidFieldsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await _client.TotalsAsync(id)).Transactions);
    }

    [Fact]
    public async Task Transactions_UnknownCustomer_Returns404Problem()
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, CustomerPath(NewCustomerId(), "/transactions"),
            new { transactionId = "t-1", kind = "Order", amount = 1m, currency = "USD", status = "Paid", occurredAt = _now.AddMinutes(-1) });

        await response.ProblemBodyAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upsert_BodyOverLimit_Returns413()
    {
        var id = NewCustomerId();

        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(id), OversizedProfile());

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var read = await _client.GetPathAsync(CustomerPath(id, "/context"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Upsert_ChunkedBodyOverLimit_Returns413()
    {
        var id = NewCustomerId();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(CustomerPath(id), UriKind.Relative))
        {
            Content = new UnsizedContent(Encoding.UTF8.GetBytes(OversizedProfile())),
        };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Null(request.Content.Headers.ContentLength);
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var read = await _client.GetPathAsync(CustomerPath(id, "/context"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Events_BodyOverLimit_Returns413()
    {
        var id = await _client.CreateCustomerAsync();
        var padding = new string('x', 3 * 1024 * 1024);

        using var response = await _client.SendAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            $$"""{ "eventId": "big", "kind": "Login", "name": "login", "occurredAt": "{{_now.AddMinutes(-1):O}}", "properties": { "p": "{{padding}}" } }""");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await _client.TotalsAsync(id)).Events);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Upsert_NonJsonContentType_Returns415(string contentType)
    {
        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(NewCustomerId()), """{ "name": "Ada", "tier": "Pro" }""", contentType);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Events_NonJsonContentType_Returns415()
    {
        var id = await _client.CreateCustomerAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, CustomerPath(id, "/events"),
            JsonSerializer.Serialize(Event("plain"), JsonSerializerOptions.Web), "text/plain");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, (await _client.TotalsAsync(id)).Events);
    }

    /// <summary>A profile body past the 64 KiB limit.</summary>
    private static string OversizedProfile()
    {
        var attributes = Enumerable.Range(0, 70).ToDictionary(i => $"a{i}", _ => new string('x', 1000));
        var json = JsonSerializer.Serialize(new { name = "Big", tier = "Pro", attributes }, JsonSerializerOptions.Web);
        Assert.True(json.Length > 64 * 1024);
        return json;
    }

    /// <summary>A body sent without Content-Length (chunked), so the limit must hold while reading.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
