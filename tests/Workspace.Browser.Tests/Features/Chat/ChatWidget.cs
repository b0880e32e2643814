using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Features.Chat;

/// <summary>
/// The customer widget on the demo host page, found by role and name: it lives in an open shadow root,
/// which Playwright's role, label and text locators pierce.
/// </summary>
public sealed class ChatWidget(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Panel => Page.GetByRole(AriaRole.Dialog, new() { Name = "Chat with support", Exact = true });

    public ILocator MessageBox => Panel.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public ILocator SendButton => Panel.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });

    public ILocator Messages => Panel.GetByRole(AriaRole.List, new() { Name = "Conversation", Exact = true });

    public ILocator Rating => Panel.GetByRole(AriaRole.Group, new() { Name = "Rate this conversation", Exact = true });

    /// <summary>The shown message whose text contains <paramref name="text"/>.</summary>
    public ILocator Message(string text) => Messages.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

    /// <summary>Opens <c>/chat</c> as the demo customer with that external id.</summary>
    public static async Task<ChatWidget> OpenAsync(IPage page, string externalId)
    {
        await page.GotoAsync($"/chat?customer={externalId}");
        return new ChatWidget(page);
    }

    public async Task WriteAsync(string text) => await MessageBox.FillAsync(text);
}
