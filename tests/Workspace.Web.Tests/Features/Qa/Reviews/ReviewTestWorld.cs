using System.Security.Claims;
using Workspace.Data.Conversations;
using Workspace.Data.Routing;
using Workspace.Data.Staff;
using Workspace.Domain.Conversations;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Qa.Reviews;

/// <summary>
/// Conversations and staff of one test in the shared app: opened through the conversation service (so the demo
/// ruleset routes them), replies from templates with keys unique to the test, and principals as the cookie builds them.
/// </summary>
public static class ReviewTestWorld
{
    public const string DemoScorecard = "support-quality";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A conversation of a new established customer, routed by the live ruleset; returns its id and the rule that routed it.</summary>
    public static async Task<(long Id, string RuleId)> OpenRoutedAsync(this WorkspaceApp app, string text = "How do I change the address on my invoice?")
    {
        var customerId = await app.EstablishedCustomerAsync($"Review World {Guid.NewGuid().ToString("N")[..8]}");
        var (conversation, _, _) = await app.Service<ConversationService>().OpenAsync(customerId, Channel.Chat, "Invoice address", Guid.NewGuid().ToString("N"), text, Ct);
        var decision = await app.Service<RoutingRepository>().DecisionAsync(conversation.Id, Ct);
        return (conversation.Id, decision!.Decision.MatchedRuleId);
    }

    /// <summary>An agent's reply sent from a template version (recorded as the composer records it).</summary>
    public static async Task ReplyFromTemplateAsync(this WorkspaceApp app, long conversationId, long authorId, string templateKey, int version, bool edited = false) =>
        Assert.True((await app.Service<ConversationRepository>().AppendAsync(conversationId,
            new NewMessage(AuthorKind.Agent, authorId, Guid.NewGuid().ToString("N"), "Here is how to change it.", templateKey, version, edited), DateTimeOffset.UtcNow, Ct)).Created);

    /// <summary>A new account with these roles, and its principal.</summary>
    public static async Task<(StaffUser User, ClaimsPrincipal Principal)> StaffAsync(this WorkspaceApp app, params Role[] roles)
    {
        var (_, email, _) = await app.CreateStaffAsync(roles);
        var user = (await app.Service<StaffRepository>().FindByEmailAsync(email, Ct))!;
        return (user, StaffAuth.ToPrincipal(user));
    }

    public static string UniqueTemplate() => $"tpl-{Guid.NewGuid().ToString("N")[..12]}";
}
