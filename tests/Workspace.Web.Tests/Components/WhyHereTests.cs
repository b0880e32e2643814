using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Workspace.Data.Customers;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Routing;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The "Why here?" trace of a conversation: agents see the decision and its assignment, leads and QA
/// the whole trace; money follows the viewer's field policy; nobody sees a conversation they may not read.
/// Every demo agent is offline after seeding, so conversations wait in their team's queue.
/// </summary>
public sealed partial class WhyHereTests(WorkspaceApp app) : ComponentTestContext(app)
{
    /// <summary>An agent of Enterprise Success, the team the demo ruleset sends Enterprise and at-risk high-value customers to.</summary>
    private const string EnterpriseAgentEmail = "hannah.kim@demo.local";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ConversationService Service => App.Service<ConversationService>();

    /// <summary>A conversation the demo ruleset routes to General Support by its default rule, after passing over the four others.</summary>
    private async Task<long> OpenGeneralSupportConversationAsync()
    {
        var customerId = await App.EstablishedCustomerAsync("Why Here Customer");
        var (conversation, _, _) = await Service.OpenAsync(customerId, Channel.Chat, "Invoice", Guid.NewGuid().ToString("N"), "Can I get a copy of my invoice?", Ct);
        return conversation.Id;
    }

    /// <summary>
    /// A conversation of an Enterprise customer with an ARR of 250,000 (like the demo's cus_0001, but a
    /// customer of this test's own, so the demo customer's history stays as other tests expect it): the
    /// first rule, "Enterprise accounts", sends it to Enterprise Success.
    /// </summary>
    private async Task<long> OpenEnterpriseConversationAsync()
    {
        var (conversation, _, _) = await Service.OpenAsync(await CustomerAsync(Tier.Enterprise, 250_000, 900_000, atRisk: false), Channel.Chat, "Invoice",
            Guid.NewGuid().ToString("N"), "Can you send me last month's invoice?", Ct);
        return conversation.Id;
    }

    /// <summary>
    /// A conversation of a Pro customer at risk with a high value score: the demo ruleset's second rule
    /// ("At-risk high value", atRisk = true and valueScore ≥ 70) sends it to Enterprise Success, so the
    /// matched rule's own conditions name the value score.
    /// </summary>
    private async Task<long> OpenAtRiskHighValueConversationAsync()
    {
        var (conversation, _, _) = await Service.OpenAsync(await CustomerAsync(Tier.Pro, 900_000, 2_000_000, atRisk: true), Channel.Chat, "Cancelling",
            Guid.NewGuid().ToString("N"), "We are thinking about cancelling: the reports are too slow.", Ct);
        return conversation.Id;
    }

    /// <summary>A mature customer of a year's standing with the given money; returns the internal id.</summary>
    private async Task<long> CustomerAsync(Tier tier, decimal arr, decimal lifetimeValue, bool atRisk)
    {
        var profile = new CustomerProfile($"why-{Guid.NewGuid():N}", $"Why Here {tier}", null, null, null, "en-US", "UTC", tier, arr, lifetimeValue,
            $"{tier} Annual", null, LifecycleStage.Maturity, atRisk, ExperienceLevel.Intermediate, DateTimeOffset.UtcNow.AddYears(-1), null, new Dictionary<string, string>());
        var (id, _) = await App.Service<CustomerRepository>().UpsertAsync(profile, DateTimeOffset.UtcNow, Ct);
        return id;
    }

    private async Task<IRenderedComponent<WhyHere>> RenderAsAsync(string email, long conversationId)
    {
        var user = await SignInAsAsync(email);
        var staff = await Service.ScopeAsync(StaffAuth.ToPrincipal(user), Ct);
        return RenderWithPopovers<WhyHere>(p => p.Add(c => c.ConversationId, conversationId).Add(c => c.Staff, staff));
    }

    private static IElement Toggle(IRenderedComponent<WhyHere> cut) => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Why here?");

    /// <summary>Clicks "Why here?" and returns the section it opens, once its content has loaded.</summary>
    private static async Task<IElement> OpenTraceAsync(IRenderedComponent<WhyHere> cut)
    {
        await cut.InvokeAsync(() => Toggle(cut).Click());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("section[aria-label='Why here']").TextContent.Trim()));
        return cut.Find("section[aria-label='Why here']");
    }

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    /// <summary>The rows of the "Signals at routing time" table, label to value.</summary>
    private static Dictionary<string, string> Signals(IElement section)
    {
        var table = section.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Signals at routing time");
        return table.QuerySelectorAll("tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim(), StringComparer.Ordinal);
    }

    /// <summary>The rows of the matched rule's conditions table: condition, actual value, held.</summary>
    private static List<string[]> Conditions(IElement section)
    {
        var table = section.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Conditions of the matched rule");
        return [.. table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(d => d.TextContent.Trim()).ToArray())];
    }

    private static IReadOnlyList<string> Captions(IElement section) => [.. section.QuerySelectorAll("table caption").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task Open_AgentOfTheTeam_SeesDecisionAndQueueButNotTheFullTrace()
    {
        var id = await OpenGeneralSupportConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.AgentEmail, id);
        Assert.Empty(cut.FindAll("section[aria-label='Why here']"));
        Assert.Equal("false", Toggle(cut).GetAttribute("aria-expanded"));

        var section = await OpenTraceAsync(cut);

        Assert.Equal("true", Toggle(cut).GetAttribute("aria-expanded"));
        var text = Text(section);
        Assert.Contains("Rule “Default” of ruleset version 1 matched (after 4 rule(s) did not) → General Support, P3", text, StringComparison.Ordinal);
        Assert.Contains("The default rule: it always matches.", text, StringComparison.Ordinal);
        Assert.StartsWith("Waiting in the General Support queue", Text(section.QuerySelector("[data-testid=assignment-summary]")!), StringComparison.Ordinal);
        Assert.Equal(["Conditions of the matched rule"], Captions(section));
        Assert.DoesNotContain("Rules passed over", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Assignment candidates", text, StringComparison.Ordinal);
        Assert.DoesNotContain("How the message was read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signals at routing time", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Lead_SeesTheFullTraceWithTheFourRulesPassedOver()
    {
        var id = await OpenGeneralSupportConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.LeadEmail, id);

        var section = await OpenTraceAsync(cut);

        var text = Text(section);
        Assert.Contains("Rule “Default” of ruleset version 1 matched", text, StringComparison.Ordinal);
        Assert.Equal(["Conditions of the matched rule", "Rules passed over", "Assignment candidates", "Signals at routing time"], Captions(section));
        var passedOver = section.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Rules passed over");
        Assert.Equal(["Enterprise accounts", "At-risk high value", "Complex technical", "Onboarding"],
            passedOver.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        var candidates = section.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Assignment candidates");
        Assert.All(candidates.QuerySelectorAll("tbody tr"), r => Assert.Equal("no", r.QuerySelectorAll("td")[1].TextContent.Trim()));
        Assert.Contains("Alex Morgan", candidates.TextContent, StringComparison.Ordinal);
        Assert.Contains("How the message was read", text, StringComparison.Ordinal);
        Assert.Contains("Intent:", text, StringComparison.Ordinal);
        Assert.Contains("Complexity:", text, StringComparison.Ordinal);
        var signals = Signals(section);
        Assert.Equal("Starter", signals["Tier"]);
        Assert.Equal("Chat", signals["Channel"]);
    }

    [Fact]
    public async Task Open_Qa_SeesTheFullTrace()
    {
        var id = await OpenGeneralSupportConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.QaEmail, id);

        var section = await OpenTraceAsync(cut);

        Assert.Contains("Rules passed over", Captions(section));
        Assert.Contains("Signals at routing time", Captions(section));
    }

    [Fact]
    public async Task Open_AgentOfTheTeam_ArrAndValueScoreMasked()
    {
        var id = await OpenEnterpriseConversationAsync();
        var cut = await RenderAsAsync(EnterpriseAgentEmail, id);

        var section = await OpenTraceAsync(cut);

        Assert.Contains("Rule “Enterprise accounts” of ruleset version 1 matched (the first rule) → Enterprise Success, P2", Text(section), StringComparison.Ordinal);
        // Agents get the summary only; the signals a lead would see are not rendered at all, so no ARR leaks.
        Assert.DoesNotContain("250,000", section.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("250000", section.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AgentOfTheTeam_ValueScoreOfTheMatchedRuleMasked()
    {
        var id = await OpenAtRiskHighValueConversationAsync();
        var cut = await RenderAsAsync(EnterpriseAgentEmail, id);

        var section = await OpenTraceAsync(cut);

        Assert.Contains("Rule “At-risk high value” of ruleset version 1 matched", Text(section), StringComparison.Ordinal);
        var conditions = Conditions(section);
        Assert.Equal(2, conditions.Count);
        Assert.Equal(["true", "yes"], conditions[0][1..]);
        // Whether "value score ≥ 70" held would give the masked value's range away: hidden too.
        Assert.Equal(["•••", "hidden"], conditions[1][1..]);
    }

    [Fact]
    public async Task Open_Lead_ValueScoreOfTheMatchedRuleShown()
    {
        var id = await OpenAtRiskHighValueConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.LeadEmail, id);

        var section = await OpenTraceAsync(cut);

        var valueScore = Conditions(section)[1][1];
        Assert.True(int.TryParse(valueScore, out var score) && score >= 70, $"The value score shown is {valueScore}.");
        Assert.Equal(valueScore, Signals(section)["Value score"]);
        Assert.Equal("900,000", Signals(section)["ARR"]);
    }

    [Fact]
    public async Task Open_Lead_ArrAndValueScoreShown()
    {
        var id = await OpenEnterpriseConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.LeadEmail, id);

        var section = await OpenTraceAsync(cut);

        var signals = Signals(section);
        Assert.Equal("Enterprise", signals["Tier"]);
        Assert.Equal("250,000", signals["ARR"]);
        Assert.Matches("^[0-9]+$", signals["Value score"]);
    }

    [Fact]
    public async Task Open_AgentOfAnotherTeam_IsRefusedWithReasonAndNoTrace()
    {
        var id = await OpenEnterpriseConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.AgentEmail, id);

        var section = await OpenTraceAsync(cut);

        Assert.Equal("This conversation belongs to a team you are not in.", Text(section));
        Assert.Empty(section.QuerySelectorAll("table"));
        Assert.DoesNotContain("Enterprise accounts", section.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_ClickedAgain_ClosesTheSection()
    {
        var id = await OpenGeneralSupportConversationAsync();
        var cut = await RenderAsAsync(WorkspaceApp.AgentEmail, id);
        await OpenTraceAsync(cut);

        await cut.InvokeAsync(() => Toggle(cut).Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("section[aria-label='Why here']")));
        Assert.Equal("false", Toggle(cut).GetAttribute("aria-expanded"));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
