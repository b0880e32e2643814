using System.Text.Encodings.Web;

namespace Workspace.Web.Features.Chat;

/// <summary>
/// The demo host page: a stand-in for a company's own site with the widget embedded, as a customer
/// would meet it. With <c>?customer=</c> it signs that customer's id on the server (demo mode only),
/// exactly as a host site's backend would.
/// </summary>
public static class ChatHostPage
{
    public static string Render(string? externalId, string? signature, string? customerName)
    {
        var attributes = externalId is null
            ? ""
            : $" data-customer-id=\"{HtmlEncoder.Default.Encode(externalId)}\" data-customer-signature=\"{HtmlEncoder.Default.Encode(signature!)}\""
              + (customerName is null ? "" : $" data-customer-name=\"{HtmlEncoder.Default.Encode(customerName)}\"");
        var greeting = customerName is null
            ? "You are browsing as an anonymous visitor."
            : $"Signed in to Acme Analytics as {HtmlEncoder.Default.Encode(customerName)}.";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Acme Analytics · Help center</title>
              <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
              <style>
                body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f; background: #fafafa; }
                header { background: #fff; border-bottom: 1px solid #e5e5e5; padding: 16px 32px; font-weight: 600; font-size: 18px; }
                main { max-width: 760px; margin: 40px auto; padding: 0 24px; line-height: 1.55; }
                .note { background: #eef0f8; border-radius: 8px; padding: 12px 16px; font-size: 14px; }
              </style>
            </head>
            <body>
              <header>Acme Analytics</header>
              <main>
                <h1>Help center</h1>
                <p class="note">{{greeting}} This page stands in for a company's own website; the chat window is the Workspace widget it embeds.</p>
                <p>Search our guides, or chat with our support team with the chat window in the corner.</p>
              </main>
              <script src="/widget.js" data-open="true"{{attributes}}></script>
            </body>
            </html>
            """;
    }
}
