using Workspace.Data.Conversations;
using Workspace.Data.Customers;
using Workspace.Data.Privacy;
using Workspace.Data.Routing;
using Workspace.Domain.Conversations;
using Workspace.Domain.Validation;
using Workspace.Web.Features.Conversations;

namespace Workspace.Web.Features.Api;

/// <summary>Conversations from other channels: open one, read it, read and add customer messages.</summary>
public static class ConversationEndpoints
{
    public const long MaxBodyBytes = 32 * 1024;
    public const int MaxPage = 500;

    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").WithTags("Conversations");

        group.MapPost("", OpenAsync)
            .WithName("OpenConversation")
            .WithSummary("Open a conversation for a customer with their first message; the first message's client id makes retries idempotent")
            .DocumentJsonBody<OpenConversationInput>()
            .Produces<OpenedConversationResponse>(StatusCodes.Status201Created)
            .Produces<OpenedConversationResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetConversation")
            .WithSummary("Status, queue, assignee and priority of a conversation")
            .Produces<ConversationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}/messages", MessagesAsync)
            .WithName("GetConversationMessages")
            .WithSummary("Customer-visible messages after a sequence number, in order (internal notes are never included)")
            .Produces<MessagesResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:long}/messages", AddMessageAsync)
            .WithName("AddConversationMessage")
            .WithSummary("Add a customer message; a client message id already stored returns the original message (200) and stores nothing")
            .DocumentJsonBody<MessageInputBody>()
            .Produces<MessageResponse>(StatusCodes.Status201Created)
            .Produces<MessageResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return api;
    }

    private static async Task<IResult> OpenAsync(HttpRequest request, CustomerRepository customers, ConversationService service,
        RoutingRepository routing, FieldPolicyRepository policies, CancellationToken ct)
    {
        var (input, problem) = await ApiBody.ReadObjectAsync<OpenConversationInput>(request, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new ValidationErrors();
        var externalId = Check.ExternalId(errors, "customerExternalId", input!.CustomerExternalId);
        var channel = string.IsNullOrWhiteSpace(input.Channel) ? Channel.Api : Check.OptionalEnum<Channel>(errors, "channel", input.Channel);
        var subject = Check.OptionalText(errors, "subject", input.Subject, 200);
        if (input.Message is null)
        {
            errors.Add("message", "'message' is required: { \"clientMessageId\": \"…\", \"body\": \"…\" }.");
        }
        else
        {
            errors.Merge("message", MessageInput.Validate(input.Message.ClientMessageId, input.Message.Body));
        }
        if (!errors.IsEmpty)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        var customer = await customers.GetAsync(externalId!, ct);
        if (customer is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found",
                detail: $"No customer has external id '{externalId}'. Create it first with PUT /api/v1/customers/{{externalId}}.");
        }
        var (opened, first, created) = await service.OpenAsync(customer.Id, channel!.Value, subject, input.Message!.ClientMessageId!, input.Message.Body!, ct);
        var response = new OpenedConversationResponse(
            ConversationResponse.From(opened, await routing.DecisionAsync(opened.Id, ct), await ApiMasking.ForAsync(request.HttpContext, policies, ct)),
            MessageResponse.From(first));
        return created
            ? TypedResults.Created($"/api/v1/conversations/{opened.Id}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, ConversationRepository conversations, RoutingRepository routing,
        FieldPolicyRepository policies, CancellationToken ct) =>
        await conversations.GetAsync(id, ct) is { } conversation
            ? TypedResults.Ok(ConversationResponse.From(conversation, await routing.DecisionAsync(id, ct), await ApiMasking.ForAsync(http, policies, ct)))
            : NotFound(id);

    private static async Task<IResult> MessagesAsync(long id, long? after, int? take, ConversationRepository conversations, CancellationToken ct)
    {
        if (after is < 0 || take is < 1 or > MaxPage)
        {
            return ApiBody.Invalid(after is < 0 ? "after" : "take",
                after is < 0 ? "'after' must be a sequence number, 0 or more." : $"'take' must be between 1 and {MaxPage}.");
        }
        if (await conversations.GetAsync(id, ct) is not { } conversation)
        {
            return NotFound(id);
        }
        var messages = await conversations.MessagesAfterAsync(id, after ?? 0, take ?? MaxPage, includeNotes: false, ct);
        return TypedResults.Ok(new MessagesResponse(id, after ?? 0, messages.Select(MessageResponse.From).ToList(), conversation.LastSequence));
    }

    private static async Task<IResult> AddMessageAsync(long id, HttpRequest request, ConversationRepository conversations, ConversationService service, CancellationToken ct)
    {
        var (input, problem) = await ApiBody.ReadObjectAsync<MessageInputBody>(request, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }
        var errors = MessageInput.Validate(input!.ClientMessageId, input.Body);
        if (!errors.IsEmpty)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        if (await conversations.GetAsync(id, ct) is not { } conversation)
        {
            return NotFound(id);
        }
        var (message, _, created) = await service.AppendFromCustomerAsync(conversation, input.ClientMessageId!, input.Body!, ct);
        return created
            ? TypedResults.Created($"/api/v1/conversations/{id}/messages?after={message.Sequence - 1}", MessageResponse.From(message))
            : TypedResults.Ok(MessageResponse.From(message));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found", detail: $"There is no conversation {id}.");
}
