using System.Text.Json;
using Workspace.Data.Customers;
using Workspace.Data.Privacy;
using Workspace.Domain.Customers;
using Workspace.Domain.Signals;
using Workspace.Domain.Validation;
using Workspace.Web.Features.Context;
using Workspace.Web.Features.Conversations;

namespace Workspace.Web.Features.Api;

/// <summary>Integration endpoints for customer profiles, product events and transactions.</summary>
public static class CustomerEndpoints
{
    public const long MaxProfileBytes = 64 * 1024;
    public const long MaxEventsBytes = 2 * 1024 * 1024;
    public const long MaxTransactionBytes = 16 * 1024;
    public const int RecentEventCount = 50;
    public const int RecentTransactionCount = 20;

    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers/{externalId}").WithTags("Customers");

        customers.MapPut("", UpsertAsync)
            .WithName("UpsertCustomer")
            .WithSummary("Create or replace a customer profile")
            .DocumentJsonBody<CustomerProfileInput>()
            .Produces<CustomerResponse>(StatusCodes.Status200OK)
            .Produces<CustomerResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        customers.MapPost("/events", AddEventsAsync)
            .WithName("AddCustomerEvents")
            .WithSummary("Record product-usage events: one event object, an array, or { \"events\": [...] } of up to 1,000; event ids make retries idempotent")
            .DocumentJsonBody<CustomerEventInput>()
            .Produces<EventsAccepted>(StatusCodes.Status200OK)
            .Produces<EventsAccepted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        customers.MapPost("/transactions", AddTransactionAsync)
            .WithName("AddCustomerTransaction")
            .WithSummary("Record an order, invoice or refund; the transaction id makes retries idempotent")
            .DocumentJsonBody<TransactionInput>()
            .Produces<TransactionAccepted>(StatusCodes.Status200OK)
            .Produces<TransactionAccepted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        customers.MapPut("/preferences", SetPreferencesAsync)
            .WithName("SetCustomerPreferences")
            .WithSummary("Replace the customer's declared communication preferences (they win over observed ones)")
            .DocumentJsonBody<DeclaredPreferencesInput>()
            .Produces<DeclaredPreferencesResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        customers.MapGet("/context", GetContextAsync)
            .WithName("GetCustomerContext")
            .WithSummary("The customer context the agent panel shows")
            .Produces<CustomerContextResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> UpsertAsync(
        string externalId, HttpRequest request, CustomerRepository customers, IConversationNotifier notifier, FieldPolicyRepository policies, TimeProvider clock, CancellationToken ct)
    {
        var (input, problem) = await ApiBody.ReadObjectAsync<CustomerProfileInput>(request, MaxProfileBytes);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new ValidationErrors();
        var profile = input!.Validate(externalId, errors);
        if (profile is null)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        var (customerId, created) = await customers.UpsertAsync(profile, clock.GetUtcNow(), ct);
        notifier.Publish(new CustomerDataChanged(customerId, "profile"));
        var stored = CustomerResponse.From((await customers.GetAsync(externalId, ct))!, await ApiMasking.ForAsync(request.HttpContext, policies, ct));
        return created
            ? TypedResults.Created($"/api/v1/customers/{Uri.EscapeDataString(externalId)}/context", stored)
            : TypedResults.Ok(stored);
    }

    private static async Task<IResult> AddEventsAsync(
        string externalId, HttpRequest request, CustomerRepository customers, IConversationNotifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var (body, problem) = await ApiBody.ReadAsync(request, MaxEventsBytes);
        if (problem is not null)
        {
            return problem;
        }
        var (batch, shapeProblem) = ReadEventBatch(body);
        if (shapeProblem is not null)
        {
            return shapeProblem;
        }
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var events = CustomerEventInput.ValidateBatch(batch!, errors, now);
        if (events is null)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        var customer = await customers.GetAsync(externalId, ct);
        if (customer is null)
        {
            return CustomerNotFound(externalId);
        }
        var stored = await customers.AddEventsAsync(customer.Id, events, now, ct);
        if (stored > 0)
        {
            notifier.Publish(new CustomerDataChanged(customer.Id, "events"));
        }
        var accepted = new EventsAccepted(events.Count, stored, events.Count - stored);
        return stored > 0 ? TypedResults.Created((string?)null, accepted) : TypedResults.Ok(accepted);
    }

    /// <summary>One event object, a bare array, or an object with an <c>events</c> array.</summary>
    private static (IReadOnlyList<CustomerEventInput?>? Batch, IResult? Problem) ReadEventBatch(JsonElement body)
    {
        var isWrapped = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("events", out _);
        var array = isWrapped ? body.GetProperty("events") : body;
        if (isWrapped)
        {
            foreach (var property in body.EnumerateObject())
            {
                if (property.Name != "events")
                {
                    return (null, ApiBody.Invalid(property.Name, $"'{property.Name}' is not a known field."));
                }
            }
            if (array.ValueKind != JsonValueKind.Array)
            {
                return (null, ApiBody.Invalid("events", "'events' must be an array."));
            }
        }
        if (array.ValueKind == JsonValueKind.Object)
        {
            var (single, problem) = ApiBody.Bind<CustomerEventInput>(array);
            return problem is null ? ([single], null) : (null, problem);
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            return (null, ApiBody.Invalid("body", "Send an event object, an array of events, or { \"events\": [...] }."));
        }
        var count = array.GetArrayLength();
        if (count > CustomerEventInput.MaxBatch)
        {
            return (null, ApiBody.Invalid("events", $"A batch holds at most {CustomerEventInput.MaxBatch} events (got {count})."));
        }
        var batch = new List<CustomerEventInput?>(count);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var (item, problem) = ApiBody.Bind<CustomerEventInput>(element, $"events[{index}]");
            if (problem is not null)
            {
                return (null, problem);
            }
            batch.Add(item);
            index++;
        }
        return (batch, null);
    }

    private static async Task<IResult> AddTransactionAsync(
        string externalId, HttpRequest request, CustomerRepository customers, IConversationNotifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var (input, problem) = await ApiBody.ReadObjectAsync<TransactionInput>(request, MaxTransactionBytes);
        if (problem is not null)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var transaction = input!.Validate(errors, now);
        if (transaction is null)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        var customer = await customers.GetAsync(externalId, ct);
        if (customer is null)
        {
            return CustomerNotFound(externalId);
        }
        var stored = await customers.AddTransactionAsync(customer.Id, transaction, now, ct);
        if (stored)
        {
            notifier.Publish(new CustomerDataChanged(customer.Id, "transactions"));
        }
        var accepted = new TransactionAccepted(transaction.TransactionId, stored, !stored);
        return stored ? TypedResults.Created((string?)null, accepted) : TypedResults.Ok(accepted);
    }

    private static async Task<IResult> SetPreferencesAsync(string externalId, HttpRequest request, CustomerRepository customers,
        CustomerContextQueries contextQueries, IConversationNotifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var (input, problem) = await ApiBody.ReadObjectAsync<DeclaredPreferencesInput>(request, MaxTransactionBytes);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new ValidationErrors();
        var preferences = input!.Validate(errors);
        if (preferences is null)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        if (await customers.GetAsync(externalId, ct) is not { } customer)
        {
            return CustomerNotFound(externalId);
        }
        await contextQueries.SetPreferencesAsync(customer.Id, preferences, clock.GetUtcNow(), ct);
        notifier.Publish(new CustomerDataChanged(customer.Id, "preferences"));
        return TypedResults.Ok(DeclaredPreferencesResponse.From(preferences));
    }

    private static async Task<IResult> GetContextAsync(
        string externalId, HttpContext http, CustomerContextService contexts, CustomerRepository customers, FieldPolicyRepository policies, CancellationToken ct)
    {
        if (await contexts.LoadAsync(externalId, ct) is not { } context)
        {
            return CustomerNotFound(externalId);
        }
        var events = await customers.RecentEventsAsync(context.Customer.Id, 0, RecentEventCount, ct);
        var transactions = await customers.RecentTransactionsAsync(context.Customer.Id, 0, RecentTransactionCount, ct);
        return TypedResults.Ok(CustomerContextResponse.From(context, events, transactions, await ApiMasking.ForAsync(http, policies, ct)));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult CustomerNotFound(string externalId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found",
            detail: $"No customer has external id '{externalId}'. Create it first with PUT /api/v1/customers/{{externalId}}.");
}
