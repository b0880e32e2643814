using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Qa;

/// <summary>
/// A QA reviewer finds a conversation by a word the customer wrote, reads its timeline and why it was routed,
/// scores it and flags it as wrongly routed; the lead then sees the flag count against the rule that routed it.
/// The conversation is a fresh one of a customer no other test knows, routed by the demo's default rule.
/// </summary>
public sealed partial class ConversationReviewTests(BrowserApp app)
{
    private const string DefaultRule = "default";

    [Fact]
    public async Task Review_QaFindsByTextScoresAndFlagsWrongRouting_LeadSeesTheRulesAccuracyChange()
    {
        await using var lead = await app.NewContextAsync();
        var rules = await lead.NewPageAsync();
        await Steps.SignInAsync(rules, DemoAccount.Lead);
        var flaggedBefore = await FlaggedAsync(rules);

        var word = "zebra" + Guid.NewGuid().ToString("N")[..8];
        var customerName = $"Review Customer {Guid.NewGuid():N}"[..24];
        var conversationId = await OpenConversationAsync(customerName, $"The export to CSV fails with {word} every time.");

        await using var qa = await app.NewContextAsync();
        var page = await qa.NewPageAsync();
        await Steps.SignInAsync(page, DemoAccount.Qa);
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Conversation review", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conversation review", Level = 1 })).ToBeVisibleAsync();

        // Found by a word of the customer's message; the search is kept in the address.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Words in a message" }).FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/qa\\?q={word}$"));
        await Expect(page.GetByTestId("qa-total")).ToHaveTextAsync("1 conversation found");
        var row = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row).Filter(new() { HasText = customerName });
        await Expect(row).ToContainTextAsync("General Support");
        await Expect(row).ToContainTextAsync("Default");
        await row.GetByRole(AriaRole.Link, new() { Name = customerName, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/qa/conversations/{conversationId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = customerName, Level = 1 })).ToBeVisibleAsync();

        // The timeline: the customer's words, the routing decision, and why.
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Conversation timeline", Exact = true });
        await Expect(timeline.GetByRole(AriaRole.Listitem, new() { Name = "Customer message", Exact = true })).ToContainTextAsync(word);
        var routed = timeline.GetByRole(AriaRole.Listitem, new() { Name = "Routing decision", Exact = true });
        await Expect(routed).ToContainTextAsync("“Default”");
        await Expect(routed).ToContainTextAsync("General Support");
        var whyHere = routed.GetByRole(AriaRole.Button, new() { Name = "Why here?", Exact = true });
        await whyHere.ClickAsync();
        await Expect(whyHere).ToHaveAttributeAsync("aria-expanded", "true");
        var explanation = page.GetByRole(AriaRole.Region, new() { Name = "Why here", Exact = true });
        await Expect(explanation).ToContainTextAsync("Rule “Default” of ruleset version");
        await Expect(explanation).ToContainTextAsync("General Support");

        // Scored with one criterion not applicable: (1·3/3 + 2·4/4 + 2·2/4 + 3·4/4) ÷ (1 + 2 + 2 + 3) = 87.5.
        var review = page.GetByRole(AriaRole.Region, new() { Name = "Review", Exact = true });
        await Expect(review.GetByText("First response within SLA")).ToBeVisibleAsync();
        foreach (var choice in new[] { "Greeting and tone: 3 of 3", "Understood the problem: 4 of 4", "Used the customer's context: 2 of 4", "Correct resolution: 4 of 4", "Followed process: not applicable" })
        {
            var button = review.GetByRole(AriaRole.Button, new() { Name = choice, Exact = true });
            await button.ClickAsync();
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        }
        await Expect(review.GetByTestId("review-total")).ToContainTextAsync("Total: 87.5 of 100 (5 of 5 criteria answered)");

        await review.GetByText("Wrong routing", new() { Exact = true }).ClickAsync();
        var team = review.GetByRole(AriaRole.Combobox, new() { Name = "Team it should have gone to", Exact = true });
        await team.ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = "Technical Escalations", Exact = true }).ClickAsync();
        await Expect(team).ToHaveTextAsync("Technical Escalations");
        await review.GetByRole(AriaRole.Textbox, new() { Name = "Note on the routing (optional)" }).FillAsync("A failing export is a technical problem.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Save review", Exact = true }).ClickAsync();
        await Expect(review.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. Total: 87.5.");

        // The lead sees the flag counted against the default rule.
        await rules.ReloadAsync();
        Assert.Equal(flaggedBefore + 1, await FlaggedAsync(rules));
    }

    /// <summary>Opens the rules page (when not there) and reads how many conversations of the default rule were flagged as wrong routing.</summary>
    private static async Task<int> FlaggedAsync(IPage page)
    {
        if (!page.Url.EndsWith("/rules", StringComparison.Ordinal))
        {
            await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Routing rules", Exact = true }).ClickAsync();
        }
        var accuracy = page.GetByRole(AriaRole.Region, new() { Name = "Routing accuracy", Exact = true });
        var flagged = accuracy.GetByTestId($"rule-accuracy-{DefaultRule}").GetByTestId("flagged");
        await Expect(flagged).ToHaveTextAsync(Count());
        return int.Parse(await flagged.InnerTextAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>A Starter customer of over a year (the default rule's kind) opens a conversation through the API.</summary>
    private async Task<long> OpenConversationAsync(string name, string body)
    {
        await using var api = await app.Playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "wk_demo_key_0001" },
        });
        var customerId = $"qa-{Guid.NewGuid():N}"[..20];
        Assert.Equal(201, (await api.PutAsync($"/api/v1/customers/{customerId}", new()
        {
            DataObject = new { name, tier = "Starter", locale = "en-US", signedUpAt = DateTimeOffset.UtcNow.AddDays(-400) },
        })).Status);
        var opened = await api.PostAsync("/api/v1/conversations", new()
        {
            DataObject = new { customerExternalId = customerId, subject = "Export fails", message = new { clientMessageId = "first", body } },
        });
        Assert.Equal(201, opened.Status);
        return JsonDocument.Parse(await opened.TextAsync()).RootElement.GetProperty("conversation").GetProperty("id").GetInt64();
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Count();
}
