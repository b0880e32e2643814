namespace Workspace.Web.Features.Context;

public static class ContextModule
{
    public static IServiceCollection AddWorkspaceContext(this IServiceCollection services) =>
        services.AddSingleton<CustomerContextService>();
}
