using System.Net;
using System.Text;
using System.Text.Json;

namespace Workspace.Web.Tests.Support;

/// <summary>REST API calls as an integration makes them, and readers for their JSON replies.</summary>
public static class ApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An external id no other test uses.</summary>
    public static string NewCustomerId() => $"t-{Guid.NewGuid():N}";

    public static string CustomerPath(string externalId, string suffix = "") => $"/api/v1/customers/{externalId}{suffix}";

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        return await client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object body) =>
        client.SendAsync(method, path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    /// <summary>Creates a minimal customer (an established Starter customer, so the demo ruleset routes them to General Support) and returns its external id.</summary>
    public static async Task<string> CreateCustomerAsync(this HttpClient client)
    {
        var id = NewCustomerId();
        using var response = await client.SendJsonAsync(HttpMethod.Put, CustomerPath(id),
            new { name = "Test Customer", tier = "Starter", signedUpAt = DateTimeOffset.UtcNow.AddDays(-400) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    /// <summary>The customer context, which must exist.</summary>
    public static async Task<JsonElement> ContextAsync(this HttpClient client, string externalId)
    {
        using var response = await client.GetPathAsync(CustomerPath(externalId, "/context"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<(int Events, int Transactions)> TotalsAsync(this HttpClient client, string externalId)
    {
        var totals = (await client.ContextAsync(externalId)).GetProperty("totals");
        return (totals.GetProperty("events").GetInt32(), totals.GetProperty("transactions").GetInt32());
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem response (media type included) with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ProblemBodyAsync(status);
    }

    /// <summary>Asserts <paramref name="status"/> and a problem-details body with a title and detail, whatever the media type.</summary>
    public static async Task<JsonElement> ProblemBodyAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 validation problem and returns the names of the fields it reports.</summary>
    public static async Task<IReadOnlyCollection<string>> InvalidFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
    }
}
