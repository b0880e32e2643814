using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Chat;

/// <summary>
/// A customer in the widget on <c>/chat</c> and an agent in the inbox, each in their own browser context,
/// talking live (PRODUCT.md C1, issue 3). Each test chats as a demo customer no other test uses, so its
/// conversation is the only one with that customer's name.
/// </summary>
public sealed class LiveChatTests(BrowserApp app)
{
    // Both would set this flag if the text were ever inserted as HTML.
    private const string Injection = """Is this safe? <img src=x onerror="window.__pwned=true"> <script>window.__pwned=true</script>""";
    private const string ReplyInjection = """Nothing ran: <script>window.__pwned=true</script> <img src=x onerror="window.__pwned=true"> stays text.""";

    [Fact]
    public async Task Chat_CustomerWritesAndAgentTakesRepliesAndResolves_BothSeeEverythingLiveAsTextAndCustomerRates()
    {
        // cus_0042 in the deterministic demo data; its past conversations were resolved weeks ago, so the widget starts a new one.
        const string customerName = "Lonny Schulist";
        const string first = "Hello, the weekly export of my dashboard has been empty since Monday.";
        const string reply = "Thanks for the details, I am looking at your export settings now.";
        await using var agentContext = await app.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await using var customerContext = await app.NewContextAsync();
        var customer = await customerContext.NewPageAsync();

        // The agent watches the team queue before the customer writes: the conversation must arrive without a reload.
        await OpenInboxAsync(agent);
        var teamQueue = agent.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex(@"^Team queue \(\d+\)$") });
        await teamQueue.ClickAsync();
        await Expect(teamQueue).ToHaveAttributeAsync("aria-selected", "true");
        var row = agent.GetByRole(AriaRole.Row).Filter(new() { HasText = customerName });
        await Expect(row).ToHaveCountAsync(0);

        var sends = await HubSendGate.RouteAsync(customer, "/hubs/customer", "Send");
        var widget = await ChatWidget.OpenAsync(customer, "cus_0042");
        await Expect(customer.GetByText($"Signed in to Acme Analytics as {customerName}.")).ToBeVisibleAsync();
        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(widget.Messages.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);

        // The first message: "Sending…" while the server has not stored it, "Delivered" once it has.
        sends.Hold();
        await widget.WriteAsync(first);
        await widget.SendButton.ClickAsync();
        await Expect(widget.Message(first)).ToContainTextAsync("Sending…");
        await Expect(widget.MessageBox).ToHaveValueAsync("");
        sends.Release();
        await Expect(widget.Message(first)).ToContainTextAsync("Delivered");
        await Expect(widget.Message(first)).Not.ToContainTextAsync("Sending…");

        // It appears live in the agent's team queue, unassigned, and the agent takes it.
        var take = row.GetByRole(AriaRole.Button, new() { Name = $"Assign to me: {customerName}", Exact = true });
        await Expect(take).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Unassigned");
        await Expect(row).ToContainTextAsync("General Support");
        await take.ClickAsync();
        await Expect(agent.GetByText($"You now own the conversation with {customerName}.")).ToBeVisibleAsync();
        await Expect(take).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync(DemoAccount.Agent.Name);

        // The customer learns who is answering.
        await Expect(widget.Panel).ToContainTextAsync($"{DemoAccount.Agent.Name} is answering");

        await row.GetByRole(AriaRole.Cell, new() { Name = customerName, Exact = true }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex(@"/inbox/\d+$"));
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = customerName, Level = 1 })).ToBeVisibleAsync();
        var thread = agent.GetByRole(AriaRole.List, new() { Name = "Messages", Exact = true });
        await Expect(thread.GetByText(first, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(agent.GetByText($"Assigned to {DemoAccount.Agent.Name}")).ToBeVisibleAsync();

        // Typing shows on the agent's side; the message with markup arrives as text on both sides.
        await widget.WriteAsync(Injection);
        await Expect(agent.GetByText($"{customerName} is typing…", new() { Exact = true })).ToBeVisibleAsync();
        await widget.SendButton.ClickAsync();
        await Expect(widget.Message(Injection)).ToContainTextAsync("Delivered");
        await Expect(thread.GetByText(Injection, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(agent.GetByText($"{customerName} is typing…", new() { Exact = true })).ToHaveCountAsync(0);

        // The agent replies, twice; the widget shows the typing agent, then both replies under the agent's name.
        var composer = agent.GetByRole(AriaRole.Textbox, new() { Name = "Reply", Exact = true });
        var send = agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });
        await composer.FillAsync(reply);
        await Expect(widget.Panel).ToContainTextAsync($"{DemoAccount.Agent.Name} is typing…");
        await send.ClickAsync();
        await Expect(composer).ToHaveValueAsync("");
        await Expect(widget.Message(reply)).ToContainTextAsync(DemoAccount.Agent.Name);
        await Expect(thread.GetByText(reply, new() { Exact = true })).ToBeVisibleAsync();
        await composer.FillAsync(ReplyInjection);
        await send.ClickAsync();
        await Expect(composer).ToHaveValueAsync("");
        await Expect(widget.Message(ReplyInjection)).ToContainTextAsync(DemoAccount.Agent.Name);
        await Expect(thread.GetByText(ReplyInjection, new() { Exact = true })).ToBeVisibleAsync();

        // Nothing of the markup became an element, on either side.
        await Expect(widget.Messages.Locator("img, script")).ToHaveCountAsync(0);
        await Expect(thread.Locator("img, script")).ToHaveCountAsync(0);

        // Resolving asks the customer for a rating, which is thanked once given.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Expect(agent.GetByText("Resolved. The customer is asked to rate the conversation.")).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Reopen", Exact = true })).ToBeVisibleAsync();
        var five = widget.Rating.GetByRole(AriaRole.Button, new() { Name = "Rate 5 out of 5", Exact = true });
        await Expect(widget.Rating.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Rate [1-5] out of 5$") })).ToHaveCountAsync(5);
        await five.ClickAsync();
        await Expect(widget.Rating).ToHaveTextAsync("Thanks for rating us 5 out of 5.");
        await Expect(five).ToHaveCountAsync(0);

        // Checked last, after every round trip: an onerror or a script would have long since run.
        await AssertNothingRanAsync(customer);
        await AssertNothingRanAsync(agent);
    }

    [Fact]
    public async Task InternalNote_AgentWritesOneBeforeReplying_WidgetShowsTheReplyButNeverTheNote()
    {
        // cus_0058 in the deterministic demo data: a customer without any past conversation.
        const string customerName = "Brayan Muller";
        const string first = "Hi, can I move my workspace to another region?";
        const string note = "Internal: @maya.chen do we support region moves on the Free plan?";
        const string reply = "Yes, we can move it; I will send you the steps shortly.";
        await using var agentContext = await app.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await using var customerContext = await app.NewContextAsync();
        var customer = await customerContext.NewPageAsync();

        await OpenInboxAsync(agent);
        var unassigned = agent.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex(@"^Unassigned \(\d+\)$") });
        await unassigned.ClickAsync();
        await Expect(unassigned).ToHaveAttributeAsync("aria-selected", "true");

        var widget = await ChatWidget.OpenAsync(customer, "cus_0058");
        await Expect(customer.GetByText($"Signed in to Acme Analytics as {customerName}.")).ToBeVisibleAsync();
        await widget.WriteAsync(first);
        await widget.SendButton.ClickAsync();
        await Expect(widget.Message(first)).ToContainTextAsync("Delivered");

        // Opened from the live unassigned view, and taken on the conversation page itself.
        var row = agent.GetByRole(AriaRole.Row).Filter(new() { HasText = customerName });
        await Expect(row).ToContainTextAsync("Unassigned");
        await row.GetByRole(AriaRole.Cell, new() { Name = customerName, Exact = true }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex(@"/inbox/\d+$"));
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = customerName, Level = 1 })).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Assign to me", Exact = true }).ClickAsync();
        await Expect(agent.GetByText($"Assigned to {DemoAccount.Agent.Name}")).ToBeVisibleAsync();
        await Expect(widget.Panel).ToContainTextAsync($"{DemoAccount.Agent.Name} is answering");

        // The note, then the reply.
        await agent.GetByRole(AriaRole.Switch, new() { Name = "Internal note" }).CheckAsync();
        var noteBox = agent.GetByRole(AriaRole.Textbox, new() { Name = "Note", Exact = true });
        await noteBox.FillAsync(note);
        var send = agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });
        await send.ClickAsync();
        await Expect(noteBox).ToHaveValueAsync("");
        var thread = agent.GetByRole(AriaRole.List, new() { Name = "Messages", Exact = true });
        var shownNote = thread.GetByRole(AriaRole.Listitem).Filter(new() { HasText = note });
        await Expect(shownNote).ToContainTextAsync("Internal note");

        await agent.GetByRole(AriaRole.Switch, new() { Name = "Internal note" }).UncheckAsync();
        var composer = agent.GetByRole(AriaRole.Textbox, new() { Name = "Reply", Exact = true });
        await composer.FillAsync(reply);
        await send.ClickAsync();
        await Expect(composer).ToHaveValueAsync("");
        await Expect(thread.GetByText(reply, new() { Exact = true })).ToBeVisibleAsync();

        // The reply was stored after the note, so once the widget shows it, the note would have arrived already.
        await Expect(widget.Message(reply)).ToContainTextAsync(DemoAccount.Agent.Name);
        await Expect(widget.Messages.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(widget.Panel).Not.ToContainTextAsync(note);

        // Nor does the history a returning customer loads hold it.
        await customer.ReloadAsync();
        await Expect(widget.Message(reply)).ToContainTextAsync(DemoAccount.Agent.Name);
        await Expect(widget.Message(first)).ToContainTextAsync("Delivered");
        await Expect(widget.Messages.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(widget.Panel).Not.ToContainTextAsync(note);
    }

    /// <summary>Signs in as the demo agent and opens the inbox from the navigation, keeping the interactive circuit.</summary>
    private static async Task OpenInboxAsync(IPage page)
    {
        await Steps.SignInAsync(page, DemoAccount.Agent);
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex(@"^Mine \(\d+\)$") })).ToBeVisibleAsync();
    }

    private static async Task AssertNothingRanAsync(IPage page) =>
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
}
