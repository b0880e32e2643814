using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Auth;

/// <summary>
/// The REST API answers API keys only (a key is an integration, not a person, and carries no staff role):
/// whatever a QA reviewer holds — their signed-in cookie, their password — every write endpoint refuses
/// with 401 and stores nothing.
/// </summary>
public sealed class QaReadOnlyApiTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Credential
    {
        SessionCookie,
        PasswordAsApiKey,
        BasicAuthorization,
        SessionCookieAsApiKey,
    }

    public static readonly TheoryData<Credential> QaCredentials = [.. Enum.GetValues<Credential>()];

    [Theory]
    [MemberData(nameof(QaCredentials))]
    public async Task EveryWriteEndpoint_QaCredential_Refused401AndNothingStored(Credential credential)
    {
        using var api = app.CreateApiClient();
        var (existingCustomer, conversationId) = await api.OpenConversationAsync("Opened by the integration");
        var newCustomer = ApiCalls.NewCustomerId();
        using var qa = await QaClientAsync(credential);
        var writes = new (HttpMethod Method, string Path, object Body)[]
        {
            (HttpMethod.Put, ApiCalls.CustomerPath(newCustomer), new { name = "Made by QA", tier = "Pro" }),
            (HttpMethod.Post, ApiCalls.CustomerPath(existingCustomer, "/events"),
                new { eventId = "qa-evt-1", kind = "FeatureUsed", name = "reports", occurredAt = DateTimeOffset.UtcNow }),
            (HttpMethod.Post, ApiCalls.CustomerPath(existingCustomer, "/transactions"),
                new { transactionId = "qa-tx-1", kind = "Refund", amount = 500, currency = "USD", status = "Paid", occurredAt = DateTimeOffset.UtcNow }),
            (HttpMethod.Put, ApiCalls.CustomerPath(existingCustomer, "/preferences"), new { channel = "Email", tone = "Concise" }),
            (HttpMethod.Post, HubConversations.Root, HubConversations.OpenBody(existingCustomer, HubCustomerClient.NewClientMessageId(), "A second conversation by QA")),
            (HttpMethod.Post, HubConversations.ConversationPath(conversationId, "/messages"),
                new { clientMessageId = HubCustomerClient.NewClientMessageId(), body = "Written by QA into the conversation" }),
        };

        foreach (var (method, path, body) in writes)
        {
            using var response = await qa.SendJsonAsync(method, path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} as QA ({credential}) answered {(int)response.StatusCode}.");
            Assert.Contains("API key", (await response.ProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        using (var missing = await api.GetPathAsync(ApiCalls.CustomerPath(newCustomer, "/context")))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        var context = await api.ContextAsync(existingCustomer);
        Assert.Equal((0, 0), await api.TotalsAsync(existingCustomer));
        Assert.Equal(1, context.GetProperty("conversations").GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, context.GetProperty("preferences").GetProperty("declared").ValueKind);
        Assert.Equal(["Opened by the integration"], (await api.MessagesAsync(conversationId)).Select(m => m.Body()));
    }

    /// <summary>A client presenting one thing a QA reviewer holds, and no API key of its own.</summary>
    private async Task<HttpClient> QaClientAsync(Credential credential)
    {
        var client = app.CreateApiClient(apiKey: null);
        switch (credential)
        {
            case Credential.SessionCookie:
                client.DefaultRequestHeaders.Add("Cookie", await app.StaffCookieAsync(WorkspaceApp.QaEmail));
                break;
            case Credential.PasswordAsApiKey:
                client.DefaultRequestHeaders.Add("X-Api-Key", WorkspaceApp.DemoPassword);
                break;
            case Credential.BasicAuthorization:
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WorkspaceApp.QaEmail}:{WorkspaceApp.DemoPassword}")));
                break;
            case Credential.SessionCookieAsApiKey:
                client.DefaultRequestHeaders.Add("X-Api-Key", (await app.StaffCookieAsync(WorkspaceApp.QaEmail)).Split('=', 2)[1]);
                break;
        }
        return client;
    }
}
