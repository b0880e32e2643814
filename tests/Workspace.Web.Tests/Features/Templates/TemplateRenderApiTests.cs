using System.Globalization;
using System.Net;
using System.Text.Json;
using Workspace.Data.ApiKeys;
using Workspace.Data.Privacy;
using Workspace.Domain.Privacy;
using Workspace.Domain.Templates;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Templates;

/// <summary>POST /api/v1/templates/render as an integration calls it, with the demo (integration-scope) API key.</summary>
public sealed class TemplateRenderApiTests(WorkspaceApp app) : IDisposable
{
    private const string RenderPath = "/api/v1/templates/render";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _api = app.CreateApiClient();

    public void Dispose() => _api.Dispose();

    /// <summary>A customer of the test's own; an established Starter customer, so the demo ruleset routes them to General Support.</summary>
    private async Task<string> CustomerAsync(string name = "Ada Lovell", string? plan = "Starter Monthly", string? email = null)
    {
        var id = ApiCalls.NewCustomerId();
        using var response = await _api.SendJsonAsync(HttpMethod.Put, ApiCalls.CustomerPath(id),
            new { name, email, plan, tier = "Starter", experienceLevel = "Intermediate", signedUpAt = DateTimeOffset.UtcNow.AddDays(-400) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private async Task<long> ConversationAsync(string customer)
    {
        using var response = await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/conversations",
            new { customerExternalId = customer, channel = "Chat", subject = "Invoice", message = new { clientMessageId = Guid.NewGuid().ToString("N"), body = "Where is my invoice?" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("conversation").GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> RenderAsync(object body, HttpClient? client = null) =>
        (client ?? _api).SendJsonAsync(HttpMethod.Post, RenderPath, body);

    private static IReadOnlyList<string?> Missing(JsonElement rendered) => [.. rendered.GetProperty("missing").EnumerateArray().Select(e => e.GetString())];

    /// <summary>Asserts a 422 problem and returns its errors.</summary>
    private static async Task<(JsonElement Problem, List<JsonElement> Errors)> UnrenderableAsync(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        return (problem, errors);
    }

    [Fact]
    public async Task Render_PublishedTemplateForACustomer_TextWithTheLiveVersionAndNothingMissing()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "invoice-question", customerExternalId = customer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rendered = await response.JsonAsync();
        var text = rendered.GetProperty("text").GetString()!;
        // Intermediate users get the concise tone unless the call asks for another.
        Assert.StartsWith("Hi Ada,", text, StringComparison.Ordinal);
        Assert.Contains("I've checked your invoice (Starter Monthly) and will send a corrected copy.", text, StringComparison.Ordinal);
        Assert.Equal(1, rendered.GetProperty("templateVersion").GetInt32());
        Assert.Empty(Missing(rendered));
    }

    [Fact]
    public async Task Render_ToneGiven_RendersInThatTone()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "invoice-question", customerExternalId = customer, tone = "guided" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.JsonAsync()).GetProperty("text").GetString()!;
        Assert.StartsWith("Hi Ada, thanks for getting in touch.", text, StringComparison.Ordinal);
        Assert.Contains("on the Starter Monthly plan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_RequiredDataMissing_TextNullAndTheMissingPathListed()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "onboarding-failed-step", customerExternalId = customer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rendered = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Null, rendered.GetProperty("text").ValueKind);
        Assert.Equal(1, rendered.GetProperty("templateVersion").GetInt32());
        Assert.Equal(["recommendations.failed_step"], Missing(rendered));
    }

    [Fact]
    public async Task Render_TemplateNeedsAConversationNoneGiven_SubjectListedAsMissing()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "escalation-handoff", customerExternalId = customer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["conversation.subject"], Missing(await response.JsonAsync()));
    }

    [Fact]
    public async Task Render_TheirOwnConversation_RendersItsSubjectAndTeam()
    {
        var customer = await CustomerAsync();
        var conversation = await ConversationAsync(customer);

        using var response = await RenderAsync(new { templateKey = "escalation-handoff", customerExternalId = customer, conversationId = conversation, tone = "concise" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Handed over to General Support with the full context (\"Invoice\")", (await response.JsonAsync()).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Body_RenderedWithoutAVersion()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { body = "Hello {{ customer.first_name }} on {{ customer.plan }}", customerExternalId = customer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rendered = await response.JsonAsync();
        Assert.Equal("Hello Ada on Starter Monthly", rendered.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, rendered.GetProperty("templateVersion").ValueKind);
        Assert.Empty(Missing(rendered));
    }

    [Fact]
    public async Task Render_BodyWithAParseErrorOnLine2_422WithTheLineAndColumn()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { body = "Hello {{ customer.first_name }},\nWe {{ if }}checked{{ end }}.", customerExternalId = customer });

        var (problem, errors) = await UnrenderableAsync(response);
        var error = Assert.Single(errors);
        // "We {{ if }}": the condition is missing where the tag closes, at column 10.
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(10, error.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.StartsWith("Line 2, column 10: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("text", problem.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Render_HostileLoop_422QuicklyNamingTheLimit()
    {
        var customer = await CustomerAsync();
        // A render stuck in the loop would hang here: the call is given ten seconds, far more than a refusal needs.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));

        using var response = await _api.PostAsync(new Uri(RenderPath, UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { body = "{{ for i in 1..100000000 }}x{{ end }}", customerExternalId = customer }),
                System.Text.Encoding.UTF8, "application/json"), deadline.Token);

        var (problem, errors) = await UnrenderableAsync(response);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        // The range is refused before a single iteration runs, at the loop limit.
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("limit", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(TemplateLimits.LoopLimit.ToString(CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("secrets")]
    [InlineData("../appsettings.json")]
    public async Task Render_IncludeOfABlockOutsideTheLibrary_422NamingTheBlock(string block)
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { body = $"Hi\n{{{{ include \"{block}\" }}}}", customerExternalId = customer });

        var (_, errors) = await UnrenderableAsync(response);
        var error = Assert.Single(errors);
        Assert.Equal($"There is no block named '{block}' in the template library.", error.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Render_BothTemplateKeyAndBody_400NamingTemplateKey()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "invoice-question", body = "Hi", customerExternalId = customer });

        Assert.Contains("templateKey", await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Render_NeitherTemplateKeyNorBody_400NamingTemplateKey()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { customerExternalId = customer });

        Assert.Contains("templateKey", await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Render_BlankTemplateKeyWithABody_TreatedAsAbsentAndTheBodyRendered()
    {
        var customer = await CustomerAsync();

        // Validation counts a blank templateKey as not given (otherwise this would be "both" and a 400), so the body is what to render.
        using var response = await RenderAsync(new { templateKey = " ", body = "Hello {{ customer.first_name }}", customerExternalId = customer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello Ada", (await response.JsonAsync()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Render_UnknownTone_400NamingTone()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "invoice-question", customerExternalId = customer, tone = "loud" });

        Assert.Equal(["tone"], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Render_UnknownTemplate_404NamingTheKey()
    {
        var customer = await CustomerAsync();

        using var response = await RenderAsync(new { templateKey = "no-such-template", customerExternalId = customer });

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-template", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_UnknownCustomer_404NamingTheCustomer()
    {
        var customer = ApiCalls.NewCustomerId();

        using var response = await RenderAsync(new { templateKey = "invoice-question", customerExternalId = customer });

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(customer, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ConversationOfAnotherCustomer_404AndNothingRendered()
    {
        var owner = await CustomerAsync("Owner Person");
        var conversation = await ConversationAsync(owner);
        var other = await CustomerAsync("Other Person");

        using var response = await RenderAsync(new { templateKey = "escalation-handoff", customerExternalId = other, conversationId = conversation });

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("text", problem.EnumerateObject().Select(p => p.Name));
        Assert.Contains($"Conversation {conversation} is not one of {other}'s.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EmailWithAnIntegrationKey_ShownAsTheFieldPolicyAllows()
    {
        var policy = await app.Service<FieldPolicyRepository>().GetAsync(Ct);
        // The default policy classifies the email as contact data, which an integration key may see (only sensitive fields are hidden from it).
        Assert.Equal(FieldClass.Contact, policy.ClassOf(FieldPolicy.Email));
        Assert.True(policy.VisibleToApi(FieldPolicy.Email, fullScope: false));
        var customer = await CustomerAsync(email: "ada@lovell.example");

        using var response = await RenderAsync(new { body = "Reply to {{ customer.email }}", customerExternalId = customer });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Reply to ada@lovell.example", (await response.JsonAsync()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Render_EmailWithAFullKey_Shown()
    {
        var (_, secret) = await app.Service<ApiKeyRepository>().CreateAsync("template render full key", ApiKeyScope.Full, null, "tests", DateTimeOffset.UtcNow, Ct);
        using var full = app.CreateApiClient(secret);
        var customer = await CustomerAsync(email: "ada@lovell.example");

        using var response = await RenderAsync(new { body = "Reply to {{ customer.email }}", customerExternalId = customer }, full);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Reply to ada@lovell.example", (await response.JsonAsync()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Render_NoApiKey_401()
    {
        using var anonymous = app.CreateApiClient(apiKey: null);

        using var response = await RenderAsync(new { templateKey = "invoice-question", customerExternalId = "cus_0001" }, anonymous);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheRenderOperation()
    {
        using var anonymous = app.CreateApiClient(apiKey: null);

        using var response = await anonymous.GetPathAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths");
        Assert.True(paths.GetProperty(RenderPath).TryGetProperty("post", out _));
    }
}
