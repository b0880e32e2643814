namespace Workspace.Web.Features.Privacy;

public static class PrivacyModule
{
    public static IServiceCollection AddWorkspacePrivacy(this IServiceCollection services) =>
        services.AddSingleton<PrivacyService>();
}
