using System.Net;
using System.Text.Json;
using Workspace.Web.Tests.Support;
using static Workspace.Web.Tests.Support.HubConversations;

namespace Workspace.Web.Tests.Features.Routing;

/// <summary>
/// Where the demo ruleset (version 1) sends conversations opened through the REST API, and the trace an
/// integration reads to see why. Every demo agent is offline after seeding, so each conversation waits in
/// its team's queue and the assignment attempt names every candidate as offline.
/// </summary>
public sealed class RoutingApiTests(WorkspaceApp app)
{
    private const int DemoRulesetVersion = 1;

    [Fact]
    public async Task Open_EnterpriseCustomer_RoutedToEnterpriseSuccessByTheFirstRule()
    {
        using var api = app.CreateApiClient();

        var routing = await OpenRoutedAsync(api, "cus_0001", "Can you send me a copy of last month's invoice?");

        Assert.Equal(DemoRulesetVersion, routing.GetProperty("rulesetVersion").GetInt32());
        AssertMatched(routing, "enterprise", "Enterprise accounts");
        var condition = Assert.Single(routing.GetProperty("conditions").EnumerateArray());
        AssertCondition(condition, "tier", "Equals", "Enterprise", "Enterprise", held: true);
        Assert.Empty(routing.GetProperty("skippedRules").EnumerateArray());
        Assert.Equal("Enterprise Success", routing.GetProperty("team").GetString());
        Assert.Equal("P2", routing.GetProperty("priority").GetString());
        Assert.Equal(15, routing.GetProperty("sla").GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal("AccountOwner", routing.GetProperty("prefer").GetString());
        AssertWaitsInQueue(routing);
    }

    [Fact]
    public async Task Open_ProCustomerInOnboarding_RoutedToOnboardingSpecialistsAfterThreeSkippedRules()
    {
        using var api = app.CreateApiClient();

        var routing = await OpenRoutedAsync(api, "cus_0002", "How do I connect my data source?");

        AssertMatched(routing, "onboarding", "Onboarding");
        var condition = Assert.Single(routing.GetProperty("conditions").EnumerateArray());
        AssertCondition(condition, "lifecycleStage", "Equals", "Onboarding", "Onboarding", held: true);
        var skipped = routing.GetProperty("skippedRules").EnumerateArray().ToList();
        Assert.Equal(["enterprise", "at-risk-high-value", "complex-technical"], skipped.Select(s => s.GetProperty("id").GetString()));
        AssertCondition(skipped[0].GetProperty("failedCondition"), "tier", "Equals", "Enterprise", "Pro", held: false);
        Assert.All(skipped, s => Assert.False(s.GetProperty("failedCondition").GetProperty("held").GetBoolean()));
        Assert.Equal("Onboarding Specialists", routing.GetProperty("team").GetString());
        Assert.Equal("P3", routing.GetProperty("priority").GetString());
        Assert.Empty(routing.GetProperty("requiredSkills").EnumerateArray());
        AssertWaitsInQueue(routing);
    }

    [Fact]
    public async Task Open_ExpertWithIntegrationsAndTechnicalMessage_RoutedToTechnicalEscalationsByComplexity()
    {
        using var api = app.CreateApiClient();

        var routing = await OpenRoutedAsync(api, "cus_0005", "The API returns 429 for our webhook integration and nothing loads");

        var complexity = routing.GetProperty("complexity");
        var score = complexity.GetProperty("score").GetInt32();
        var parts = complexity.GetProperty("parts").EnumerateArray().ToList();
        var explained = string.Join(", ", parts.Select(p => $"{p.GetProperty("part").GetString()} {p.GetProperty("points").GetInt32()} ({p.GetProperty("why").GetString()})"));
        Assert.True(score >= 70, $"cus_0005 scored {score}: {explained}; matched {routing.GetProperty("matchedRule")}.");
        Assert.Equal(Math.Min(100, parts.Sum(p => p.GetProperty("points").GetInt32())), score);
        Assert.Equal("Integration", routing.GetProperty("intent").GetProperty("intent").GetString());
        AssertMatched(routing, "complex-technical", "Complex technical");
        var condition = Assert.Single(routing.GetProperty("conditions").EnumerateArray());
        AssertCondition(condition, "complexityScore", "AtLeast", "70", score.ToString(System.Globalization.CultureInfo.InvariantCulture), held: true);
        Assert.Equal(["enterprise", "at-risk-high-value"], routing.GetProperty("skippedRules").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("Technical Escalations", routing.GetProperty("team").GetString());
        Assert.Equal("P2", routing.GetProperty("priority").GetString());
        Assert.Equal(["api"], routing.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));
        AssertWaitsInQueue(routing);
    }

    [Fact]
    public async Task Open_AtRiskHighValueCustomer_RoutedToEnterpriseSuccessAsP1WithBothConditionsHeld()
    {
        using var api = app.CreateApiClient();
        var customer = ApiCalls.NewCustomerId();
        using (var put = await api.SendJsonAsync(HttpMethod.Put, ApiCalls.CustomerPath(customer), new
        {
            name = "At Risk Co",
            tier = "Pro",
            arr = 900_000,
            lifetimeValue = 2_000_000,
            atRisk = true,
            lifecycleStage = "Maturity",
            signedUpAt = DateTimeOffset.UtcNow.AddYears(-1),
        }))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        var valueScore = (await api.ContextAsync(customer)).GetProperty("valueScore").GetProperty("score").GetInt32();

        var routing = await OpenRoutedAsync(api, customer, "We are thinking about cancelling: the reports are too slow.");

        Assert.True(valueScore >= 70, $"The customer's value score is {valueScore}.");
        AssertMatched(routing, "at-risk-high-value", "At-risk high value");
        var conditions = routing.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Equal(2, conditions.Count);
        AssertCondition(conditions[0], "atRisk", "Equals", "true", "true", held: true);
        AssertCondition(conditions[1], "valueScore", "AtLeast", "70", valueScore.ToString(System.Globalization.CultureInfo.InvariantCulture), held: true);
        var skipped = Assert.Single(routing.GetProperty("skippedRules").EnumerateArray());
        Assert.Equal("enterprise", skipped.GetProperty("id").GetString());
        AssertCondition(skipped.GetProperty("failedCondition"), "tier", "Equals", "Enterprise", "Pro", held: false);
        Assert.Equal("Enterprise Success", routing.GetProperty("team").GetString());
        Assert.Equal("P1", routing.GetProperty("priority").GetString());
        Assert.Empty(routing.GetProperty("masked").EnumerateArray());
        AssertWaitsInQueue(routing);
    }

    [Fact]
    public async Task Open_PlainCustomer_RoutedToGeneralSupportByTheDefaultRule()
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();

        var routing = await OpenRoutedAsync(api, customer, "Can I get a copy of my invoice?");

        AssertMatched(routing, "default", "Default");
        Assert.Empty(routing.GetProperty("conditions").EnumerateArray());
        Assert.Equal(["enterprise", "at-risk-high-value", "complex-technical", "onboarding"],
            routing.GetProperty("skippedRules").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(HubStaff.GeneralSupport, routing.GetProperty("team").GetString());
        Assert.Equal("P3", routing.GetProperty("priority").GetString());
        Assert.Equal("Starter", routing.GetProperty("signals").GetProperty("tier").GetString());
        AssertWaitsInQueue(routing);
    }

    [Fact]
    public async Task Open_RetriedWithSameClientMessageId_Returns200WithTheSameRouting()
    {
        using var api = app.CreateApiClient();
        var customer = await api.CreateCustomerAsync();
        var body = OpenBody(customer, HubCustomerClient.NewClientMessageId(), "Where do I change the alert thresholds?");

        using var created = await api.SendJsonAsync(HttpMethod.Post, Root, body);
        using var retried = await api.SendJsonAsync(HttpMethod.Post, Root, body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var first = (await created.JsonAsync()).GetProperty("conversation");
        var second = (await retried.JsonAsync()).GetProperty("conversation");
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        AssertMatched(first.GetProperty("routing"), "default", "Default");
        Assert.True(JsonElement.DeepEquals(first.GetProperty("routing"), second.GetProperty("routing")),
            $"The retry answered a different routing:\n{first.GetProperty("routing")}\n{second.GetProperty("routing")}");
    }

    [Fact]
    public async Task OpenApiDocument_ConversationSchema_DescribesRouting()
    {
        using var client = app.CreateApiClient(apiKey: null);

        using var response = await client.GetPathAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schemas = (await response.JsonAsync()).GetProperty("components").GetProperty("schemas");
        var conversation = schemas.GetProperty("ConversationResponse");
        Assert.True(conversation.GetProperty("properties").TryGetProperty("routing", out var routing),
            $"ConversationResponse has no 'routing' property: {conversation}");
        var referenced = ReferencedSchema(routing);
        Assert.NotNull(referenced);
        var properties = schemas.GetProperty(referenced).GetProperty("properties");
        foreach (var name in new[] { "rulesetVersion", "matchedRule", "conditions", "skippedRules", "team", "priority", "requiredSkills", "sla", "intent", "complexity", "signals", "assignment" })
        {
            Assert.True(properties.TryGetProperty(name, out _), $"{referenced} does not describe '{name}'.");
        }
    }

    /// <summary>
    /// Opens a conversation and returns its routing as the reply to the POST gives it, after checking that
    /// reading the conversation back gives the same routing.
    /// </summary>
    private static async Task<JsonElement> OpenRoutedAsync(HttpClient api, string customer, string body)
    {
        using var response = await api.SendJsonAsync(HttpMethod.Post, Root, OpenBody(customer, HubCustomerClient.NewClientMessageId(), body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = (await response.JsonAsync()).GetProperty("conversation");
        var routing = conversation.GetProperty("routing");
        Assert.Equal(JsonValueKind.Object, routing.ValueKind);

        var read = await api.ConversationAsync(conversation.GetProperty("id").GetInt64());

        Assert.True(JsonElement.DeepEquals(routing, read.GetProperty("routing")),
            $"GET answered a different routing than POST:\n{routing}\n{read.GetProperty("routing")}");
        Assert.Equal(routing.GetProperty("team").GetString(), read.GetProperty("queue").GetProperty("team").GetString());
        Assert.Equal(routing.GetProperty("priority").GetString(), read.GetProperty("priority").GetString());
        return routing;
    }

    private static void AssertMatched(JsonElement routing, string id, string name)
    {
        var matched = routing.GetProperty("matchedRule");
        Assert.Equal((id, name), (matched.GetProperty("id").GetString(), matched.GetProperty("name").GetString()));
    }

    private static void AssertCondition(JsonElement condition, string field, string @operator, string expected, string actual, bool held) =>
        Assert.Equal((field, @operator, expected, actual, held), (
            condition.GetProperty("field").GetString(), condition.GetProperty("operator").GetString(), condition.GetProperty("expected").GetString(),
            condition.GetProperty("actual").GetString(), condition.GetProperty("held").GetBoolean()));

    /// <summary>Every demo agent is offline, so nobody is chosen and each candidate says why.</summary>
    private static void AssertWaitsInQueue(JsonElement routing)
    {
        var assignment = routing.GetProperty("assignment");
        Assert.Equal(JsonValueKind.Object, assignment.ValueKind);
        Assert.Equal(JsonValueKind.Null, assignment.GetProperty("agent").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(assignment.GetProperty("summary").GetString()));
        var candidates = assignment.GetProperty("candidates").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c =>
        {
            Assert.Equal("offline", c.GetProperty("reason").GetString());
            Assert.False(c.GetProperty("chosen").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("agent").GetProperty("name").GetString()));
        });
    }

    /// <summary>The component a property points at, directly or through a nullable wrapper (oneOf/anyOf/allOf).</summary>
    private static string? ReferencedSchema(JsonElement property)
    {
        if (property.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()?.Split('/')[^1];
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (property.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    if (ReferencedSchema(option) is { } found)
                    {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
