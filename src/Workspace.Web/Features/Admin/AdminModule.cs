namespace Workspace.Web.Features.Admin;

public static class AdminModule
{
    public static IServiceCollection AddWorkspaceAdmin(this IServiceCollection services) =>
        services.AddSingleton<UserAdministration>();
}
