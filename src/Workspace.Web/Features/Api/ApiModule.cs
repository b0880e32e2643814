using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Api;

public static class ApiModule
{
    public static IServiceCollection AddWorkspaceApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Workspace API";
                document.Info.Description = "Push customer profiles, product events and transactions; read the customer context. "
                    + $"Authenticate with the {ApiKeyAuthenticationHandler.HeaderName} header. Errors are RFC 9457 problem details.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "An API key created by an admin under Administration > API keys.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapWorkspaceApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiKey).DisableAntiforgery();
        api.MapCustomerEndpoints();
        api.MapConversationEndpoints();
        api.MapTemplateEndpoints();
        // An unknown API path is a 404 problem for the caller, not a redirect to the staff sign-in page.
        app.MapFallback("/api/{**path}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no API endpoint at this path. See /openapi/v1.json.")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
