using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Routing;

/// <summary>
/// A lead edits the routing rules on /rules and publishes them; the next conversation is routed by the new
/// version and an agent of the receiving team sees why. The app is shared by every browser test, so the
/// published rule only concerns Finnish speakers, whom no other test (and no demo customer) is.
/// </summary>
public sealed partial class RulesEditorTests(BrowserApp app)
{
    private const string RuleName = "Finnish speakers";
    private const string Team = "Technical Escalations";

    /// <summary>An agent of Technical Escalations, the team the new rule routes to.</summary>
    private static readonly DemoAccount TechnicalAgent = new("grace.liu@demo.local", "Grace Liu", "Agent");

    private static readonly string[] DemoRules =
        ["Rule 1: Enterprise accounts", "Rule 2: At-risk high value", "Rule 3: Complex technical", "Rule 4: Onboarding", "Rule 5: Default"];

    [Fact]
    public async Task Publish_RuleForFinnishSpeakersAtTheTop_RoutesTheirNextConversationAndExplainsItToTheAgent()
    {
        await using var lead = await app.NewContextAsync();
        var page = await lead.NewPageAsync();
        await Steps.SignInAsync(page, DemoAccount.Lead);
        // Navigating by link keeps the interactive circuit the Customers page already runs.
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Routing rules", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routing rules", Level = 1 })).ToBeVisibleAsync();
        var status = page.GetByTestId("routing-status");
        await Expect(status).ToContainTextAsync(LiveVersion());
        var live = int.Parse(LiveVersion().Match(await status.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        var rules = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Rules" });
        await Expect(RuleGroups(rules)).ToHaveCountAsync(DemoRules.Length);
        Assert.Equal(DemoRules, await RuleGroups(rules).EvaluateAllAsync<string[]>("groups => groups.map(g => g.getAttribute('aria-label'))"));

        // A value that is not a number stops publishing until it is fixed.
        var complexity = Condition(page, rule: 3, condition: 1);
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true });
        await complexity.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).FillAsync("abc");
        var errors = page.GetByTestId("draft-errors");
        await Expect(errors).ToHaveAttributeAsync("role", "alert");
        await Expect(errors).ToContainTextAsync("Rule 3 “Complex technical”: 'abc' is not a number.");
        await Expect(publish).ToBeDisabledAsync();
        await complexity.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).FillAsync("70");
        await Expect(errors).ToHaveCountAsync(0);
        await Expect(publish).ToBeEnabledAsync();

        // A new rule goes just above the default one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule", Exact = true }).ClickAsync();
        var added = Rule(page, 5, "New rule");
        await Expect(added).ToBeVisibleAsync();
        await Expect(Rule(page, 6, "Default")).ToBeVisibleAsync();
        await Expect(errors).ToBeVisibleAsync();
        await added.GetByRole(AriaRole.Textbox, new() { Name = "Rule name", Exact = true }).FillAsync(RuleName);
        var rule = Rule(page, 5, RuleName);
        await Expect(rule).ToBeVisibleAsync();
        var language = Condition(page, rule: 5, condition: 1);
        await ChooseAsync(language, "Field", "Language");
        await Expect(language.GetByRole(AriaRole.Combobox, new() { Name = "Operator", Exact = true })).ToHaveTextAsync("is");
        await language.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).FillAsync("fi");
        var actions = page.GetByRole(AriaRole.Group, new() { Name = $"Actions of {RuleName}", Exact = true });
        await ChooseAsync(actions, "Route to team", Team);
        await ChooseAsync(actions, "Priority", "P1");
        await Expect(errors).ToHaveCountAsync(0);
        await Expect(rule).ToContainTextAsync($"Reads: when Language is fi → route to {Team}, P1");

        // Moved to the top, it is checked before the enterprise rule.
        var moveUp = page.GetByRole(AriaRole.Button, new() { Name = $"Move {RuleName} up", Exact = true });
        for (var position = 4; position >= 1; position--)
        {
            await moveUp.ClickAsync();
            await Expect(Rule(page, position, RuleName)).ToBeVisibleAsync();
        }
        await Expect(moveUp).ToBeDisabledAsync();
        await Expect(Rule(page, 2, "Enterprise accounts")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("routing-status")).ToContainTextAsync("Unsaved changes.");

        // No customer in the stored history speaks Finnish, so replaying the draft moves nobody.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Simulate", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run simulation", Exact = true }).ClickAsync();
        var summary = page.GetByTestId("simulation-summary");
        await Expect(summary).ToHaveTextAsync(new Regex(@"^\s*[1-9]\d* conversations replayed: 0 would go to another team, 0 would only change priority\.\s*$"));

        var comment = $"Finnish speakers go straight to {Team}";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "What changed and why", Exact = true }).FillAsync(comment);
        await publish.ClickAsync();
        var published = live + 1;
        await Expect(status).ToContainTextAsync($"Live: version {published}, published by {DemoAccount.Lead.Email}");
        await Expect(status).Not.ToContainTextAsync("Unsaved changes.");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Versions", Exact = true }).ClickAsync();
        // MudTable puts its aria-label on a wrapper div, so the table itself has no accessible name.
        var versions = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Versions", Exact = true }).GetByRole(AriaRole.Table);
        var row = versions.GetByRole(AriaRole.Row).Filter(new() { HasText = comment });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync($"{published} (live)");
        await Expect(row).ToContainTextAsync($"Added rule 1 “{RuleName}”: when Language is fi → route to {Team}, P1.");
        await Expect(row).Not.ToContainTextAsync("moved from position");

        // The next conversation of a Finnish-speaking customer is routed by the new version.
        var customerName = $"Finnish Customer {Guid.NewGuid():N}"[..25];
        var conversationId = await OpenConversationForFinnishCustomerAsync(customerName);
        await using var api = await ApiAsync();
        var read = await api.GetAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(200, read.Status);
        var routing = JsonDocument.Parse(await read.TextAsync()).RootElement.GetProperty("routing");
        Assert.Equal(published, routing.GetProperty("rulesetVersion").GetInt32());
        Assert.Equal(RuleName, routing.GetProperty("matchedRule").GetProperty("name").GetString());
        Assert.Equal(Team, routing.GetProperty("team").GetString());
        Assert.Equal("P1", routing.GetProperty("priority").GetString());
        Assert.Empty(routing.GetProperty("skippedRules").EnumerateArray());
        var condition = Assert.Single(routing.GetProperty("conditions").EnumerateArray());
        Assert.Equal(("language", "fi", true),
            (condition.GetProperty("field").GetString(), condition.GetProperty("actual").GetString(), condition.GetProperty("held").GetBoolean()));

        // An agent of that team finds it in the team queue and sees why it is there.
        await using var agent = await app.NewContextAsync();
        var inbox = await agent.NewPageAsync();
        await Steps.SignInAsync(inbox, TechnicalAgent);
        await Steps.MainNavigation(inbox).GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await Expect(inbox.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        await inbox.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex(@"^Team queue \(\d+\)$") }).ClickAsync();
        await inbox.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = customerName }).ClickAsync();
        await Expect(inbox).ToHaveURLAsync(new Regex($"/inbox/{conversationId}$"));
        await Expect(inbox.GetByRole(AriaRole.Heading, new() { Name = customerName, Level = 1 })).ToBeVisibleAsync();
        var whyHere = inbox.GetByRole(AriaRole.Button, new() { Name = "Why here?", Exact = true });
        await whyHere.ClickAsync();
        await Expect(whyHere).ToHaveAttributeAsync("aria-expanded", "true");
        var explanation = inbox.GetByRole(AriaRole.Region, new() { Name = "Why here", Exact = true });
        await Expect(explanation).ToContainTextAsync($"Rule “{RuleName}” of ruleset version {published} matched (the first rule) → {Team}, P1");
        // An agent sees one table here, the matched rule's conditions (its aria-label sits on MudSimpleTable's wrapper, not on the table).
        await Expect(explanation.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = "Language is fi" }))
            .ToContainTextAsync("yes");
        await Expect(explanation.GetByTestId("assignment-summary")).ToContainTextAsync($"{TechnicalAgent.Name} offline");
    }

    private static ILocator RuleGroups(ILocator rules) =>
        rules.GetByRole(AriaRole.Group, new() { NameRegex = RuleGroupName() });

    private static ILocator Rule(IPage page, int position, string name) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"Rule {position}: {name}", Exact = true });

    private static ILocator Condition(IPage page, int rule, int condition) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"Rule {rule} condition {condition}", Exact = true });

    /// <summary>Picks an option of a MudSelect: the list opens in a popover outside <paramref name="scope"/>.</summary>
    private static async Task ChooseAsync(ILocator scope, string label, string option)
    {
        var select = scope.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true });
        await select.ClickAsync();
        await scope.Page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(select).ToHaveTextAsync(option);
        await Expect(scope.Page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>A Starter customer with a Finnish locale who has been a customer for over a year opens a conversation through the API.</summary>
    private async Task<long> OpenConversationForFinnishCustomerAsync(string name)
    {
        await using var api = await ApiAsync();
        var customerId = $"fi-{Guid.NewGuid():N}"[..20];
        Assert.Equal(201, (await api.PutAsync($"/api/v1/customers/{customerId}", new()
        {
            DataObject = new { name, tier = "Starter", locale = "fi-FI", signedUpAt = DateTimeOffset.UtcNow.AddDays(-400) },
        })).Status);
        var opened = await api.PostAsync("/api/v1/conversations", new()
        {
            DataObject = new { customerExternalId = customerId, subject = "Raportit", message = new { clientMessageId = "first", body = "Raportti ei lataudu." } },
        });
        Assert.Equal(201, opened.Status);
        return JsonDocument.Parse(await opened.TextAsync()).RootElement.GetProperty("conversation").GetProperty("id").GetInt64();
    }

    private Task<IAPIRequestContext> ApiAsync() =>
        app.Playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "wk_demo_key_0001" },
        });

    [GeneratedRegex(@"Live: version (\d+)")]
    private static partial Regex LiveVersion();

    [GeneratedRegex(@"^Rule \d+: ")]
    private static partial Regex RuleGroupName();
}
