using Workspace.Data.Customers;
using Workspace.Domain.Validation;

namespace Workspace.Web.Features.Chat;

public static class ChatModule
{
    public static IServiceCollection AddWorkspaceChat(this IServiceCollection services)
    {
        services.AddSingleton<CustomerIdentity>();
        return services;
    }

    public static WebApplication MapWorkspaceChat(this WebApplication app)
    {
        app.MapHub<CustomerHub>(CustomerHub.Path).AllowAnonymous();
        app.MapGet("/chat", async (string? customer, CustomerIdentity identity, CustomerRepository customers, IConfiguration configuration, CancellationToken ct) =>
        {
            if (customer is null)
            {
                return Results.Content(ChatHostPage.Render(null, null, null), "text/html; charset=utf-8");
            }
            // Signing any id on request would let anyone chat as any customer: only the demo does it.
            if (!configuration.GetValue("Demo:Seed", false))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not available",
                    detail: "Opening the chat as a named customer is a demo feature; a real host site signs the id on its own server.");
            }
            if (!Check.IsExternalId(customer) || await customers.GetAsync(customer, ct) is not { } record)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown customer",
                    detail: $"There is no customer '{customer}' in the demo data. Try cus_0001.");
            }
            return Results.Content(ChatHostPage.Render(customer, identity.Sign(customer), record.Profile.Name), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
