using System.Net;
using System.Text.Json;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.ApiCalls;

namespace Workspace.Web.Tests.Features.Context;

/// <summary><c>PUT /api/v1/customers/{externalId}/preferences</c>: declared preferences stored, shown, and winning over what is observed.</summary>
public sealed class CustomerPreferencesEndpointTests(WorkspaceApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<string> CreateCustomerAsync(string experienceLevel = "Expert")
    {
        var id = NewCustomerId();
        using var response = await _client.SendJsonAsync(HttpMethod.Put, CustomerPath(id), new { name = "Preferring Customer", tier = "Pro", experienceLevel });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private Task<HttpResponseMessage> PutPreferencesAsync(string id, object body) =>
        _client.SendJsonAsync(HttpMethod.Put, CustomerPath(id, "/preferences"), body);

    private static JsonElement Signal(JsonElement context, string key) =>
        context.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    private static void AssertPreferences(JsonElement actual, string? channel, string? windowStart, string? windowEnd, string? tone, string? language,
        bool optedOut, DateTimeOffset? pausedUntil)
    {
        static string? Text(JsonElement e, string p) => e.GetProperty(p).ValueKind == JsonValueKind.Null ? null : e.GetProperty(p).GetString();
        Assert.Equal(channel, Text(actual, "channel"));
        Assert.Equal(windowStart, Text(actual, "windowStart"));
        Assert.Equal(windowEnd, Text(actual, "windowEnd"));
        Assert.Equal(tone, Text(actual, "tone"));
        Assert.Equal(language, Text(actual, "language"));
        Assert.Equal(optedOut, actual.GetProperty("optedOutOfNonMandatory").GetBoolean());
        Assert.Equal(pausedUntil, actual.GetProperty("pausedUntil").ValueKind == JsonValueKind.Null ? null : actual.GetProperty("pausedUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Put_ValidPreferences_Returns200WithStoredPreferencesShownInContext()
    {
        var id = await CreateCustomerAsync();
        var pausedUntil = new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.FromHours(2));

        using var response = await PutPreferencesAsync(id, new
        {
            channel = "email",
            windowStart = "09:00",
            windowEnd = "17:30",
            tone = "Guided",
            language = "de-de",
            optedOutOfNonMandatory = true,
            pausedUntil,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPreferences(await response.JsonAsync(), "Email", "09:00", "17:30", "Guided", "de-DE", true, pausedUntil);
        var declared = (await _client.ContextAsync(id)).GetProperty("preferences").GetProperty("declared");
        AssertPreferences(declared, "Email", "09:00", "17:30", "Guided", "de-DE", true, pausedUntil);
    }

    [Fact]
    public async Task Put_DeclaredTone_PreferredToneSignalShowsItAsDeclared()
    {
        var id = await CreateCustomerAsync(experienceLevel: "Expert");
        var before = Signal(await _client.ContextAsync(id), "preferredTone");
        Assert.Equal(("Concise", "Computed"), (before.GetProperty("value").GetString(), before.GetProperty("source").GetString()));

        using var response = await PutPreferencesAsync(id, new { tone = "Guided" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var context = await _client.ContextAsync(id);
        var after = Signal(context, "preferredTone");
        Assert.Equal("Guided", after.GetProperty("value").GetString());
        Assert.Equal("Declared", after.GetProperty("source").GetString());
        Assert.Equal("Declared by the customer.", after.GetProperty("reason").GetString());
        Assert.Equal("Guided", context.GetProperty("preferences").GetProperty("effectiveTone").GetString());
    }

    [Fact]
    public async Task Put_Again_ReplacesEveryField()
    {
        var id = await CreateCustomerAsync();
        using (var first = await PutPreferencesAsync(id, new { channel = "Chat", windowStart = "08:00", windowEnd = "12:00", tone = "Concise", language = "fr-FR", optedOutOfNonMandatory = true }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await PutPreferencesAsync(id, new { language = "en-GB" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var declared = (await _client.ContextAsync(id)).GetProperty("preferences").GetProperty("declared");
        AssertPreferences(declared, null, null, null, null, "en-GB", false, null);
        Assert.Equal("Computed", Signal(await _client.ContextAsync(id), "preferredTone").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Put_InvalidFields_Returns400NamingEachAndStoresNothing()
    {
        var id = await CreateCustomerAsync();

        using var response = await PutPreferencesAsync(id, new { channel = "Fax", tone = "Shouty", language = "not-a-locale", windowStart = "9am", windowEnd = "17:00" });

        Assert.Equal(["channel", "language", "tone", "windowStart"], (await response.InvalidFieldsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, (await _client.ContextAsync(id)).GetProperty("preferences").GetProperty("declared").ValueKind);
    }

    [Fact]
    public async Task Put_OnlyWindowStart_Returns400AskingForWindowEnd()
    {
        var id = await CreateCustomerAsync();

        using var response = await PutPreferencesAsync(id, new { windowStart = "09:00" });

        Assert.Equal(["windowEnd"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Put_UnknownField_Returns400NamingIt()
    {
        var id = await CreateCustomerAsync();

        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(id, "/preferences"), """{ "tone": "Concise", "mood": "cheerful" }""");

        Assert.Equal(["mood"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Put_WrongJsonType_Returns400NamingTheField()
    {
        var id = await CreateCustomerAsync();

        using var response = await _client.SendAsync(HttpMethod.Put, CustomerPath(id, "/preferences"), """{ "optedOutOfNonMandatory": "yes" }""");

        Assert.Equal(["optedOutOfNonMandatory"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Put_UnknownCustomer_Returns404Problem()
    {
        using var response = await PutPreferencesAsync(NewCustomerId(), new { tone = "Concise" });

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("external id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithoutApiKey_Returns401AndStoresNothing()
    {
        var id = await CreateCustomerAsync();
        using var anonymous = app.CreateApiClient(apiKey: null);

        using var response = await anonymous.SendJsonAsync(HttpMethod.Put, CustomerPath(id, "/preferences"), new { tone = "Guided" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(JsonValueKind.Null, (await _client.ContextAsync(id)).GetProperty("preferences").GetProperty("declared").ValueKind);
    }

    public void Dispose() => _client.Dispose();
}
