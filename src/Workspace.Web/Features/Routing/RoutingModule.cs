namespace Workspace.Web.Features.Routing;

public static class RoutingModule
{
    public static IServiceCollection AddWorkspaceRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoutingOptions>(configuration.GetSection("Routing"));
        services.AddSingleton<RoutingService>();
        return services;
    }
}
