using Microsoft.OpenApi;

namespace Workspace.Web.Features.Api;

public static class OpenApiBody
{
    /// <summary>
    /// Documents a JSON request body that the endpoint reads itself. <c>.Accepts&lt;T&gt;()</c> would also
    /// make routing refuse other content types before the endpoint runs, bypassing its own 415 problem reply.
    /// </summary>
    public static RouteHandlerBuilder DocumentJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
