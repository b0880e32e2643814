namespace Workspace.Web.Features.Conversations;

public static class ConversationsModule
{
    public static IServiceCollection AddWorkspaceConversations(this IServiceCollection services)
    {
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        services.AddSingleton<IConversationNotifier, InProcessConversationNotifier>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<AgentHubSubscriptions>();
        services.AddHostedService<ConversationSweeper>();
        return services;
    }

    public static WebApplication MapWorkspaceConversations(this WebApplication app)
    {
        app.MapHub<AgentHub>(AgentHub.Path);
        return app;
    }
}
