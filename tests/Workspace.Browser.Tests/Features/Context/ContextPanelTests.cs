using System.Text.Json;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Context;

public sealed class ContextPanelTests(BrowserApp app)
{
    [Fact]
    public async Task OpenConversation_AgentSeesStageAndFailedStep_ThenAnEventPostedMeanwhileShowsWithoutReload()
    {
        var customerId = $"ctx-{Guid.NewGuid():N}"[..20];
        await using var api = await app.Playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "wk_demo_key_0001" },
        });
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(201, (await api.PutAsync($"/api/v1/customers/{customerId}", new()
        {
            DataObject = new { name = "Panel Customer", company = "Panel Co", tier = "Pro", arr = 24000, signedUpAt = now.AddDays(-5), experienceLevel = "New" },
        })).Status);
        Assert.Equal(201, (await api.PostAsync($"/api/v1/customers/{customerId}/events", new()
        {
            DataObject = new[]
            {
                new { eventId = "s1", kind = "OnboardingStepCompleted", name = "create-workspace", occurredAt = now.AddDays(-4) },
                new { eventId = "s2", kind = "OnboardingStepFailed", name = "invite-team", occurredAt = now.AddDays(-3) },
            },
        })).Status);
        var opened = await api.PostAsync("/api/v1/conversations", new()
        {
            DataObject = new { customerExternalId = customerId, channel = "Email", subject = "Invites bounce", message = new { clientMessageId = "first", body = "My invites do not arrive." } },
        });
        Assert.Equal(201, opened.Status);
        var conversationId = JsonDocument.Parse(await opened.TextAsync()).RootElement.GetProperty("conversation").GetProperty("id").GetInt64();

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        // A customer five days in is onboarding, so the demo ruleset routed the conversation to that team.
        await Steps.SignInAsync(page, DemoAccount.OnboardingAgent);
        await page.GotoAsync($"/inbox/{conversationId}");

        var panel = page.GetByLabel("Customer context", new() { Exact = true });
        var top = panel.GetByRole(AriaRole.List).First;
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Panel Customer" })).ToBeVisibleAsync();
        var stage = top.Locator("[data-signal=lifecycleStage]");
        await Expect(stage).ToContainTextAsync("Onboarding");
        await Expect(stage).ToContainTextAsync("1 of 5 core steps done");
        var onboarding = top.Locator("[data-signal=onboarding]");
        await Expect(onboarding).ToContainTextAsync("failed: invite-team");

        // The integration reports the step done while the agent has the conversation open.
        Assert.Equal(201, (await api.PostAsync($"/api/v1/customers/{customerId}/events", new()
        {
            DataObject = new { eventId = "s3", kind = "OnboardingStepCompleted", name = "invite-team", occurredAt = now.AddMinutes(-1) },
        })).Status);

        await Expect(stage).ToContainTextAsync("2 of 5 core steps done");
        await Expect(top.Locator("[data-signal=onboarding]")).ToHaveCountAsync(0);
        await Expect(panel.GetByText("Product usage (3 events)")).ToBeVisibleAsync();
    }
}
