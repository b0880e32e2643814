namespace Workspace.Web.Features.Templates;

public static class TemplatesModule
{
    public static IServiceCollection AddWorkspaceTemplates(this IServiceCollection services) =>
        services.AddSingleton<TemplateService>()
            .AddSingleton<TemplateEditorService>();
}
