using Workspace.Data.Privacy;
using Workspace.Domain.Templates;
using Workspace.Domain.Validation;
using Workspace.Web.Features.Templates;

namespace Workspace.Web.Features.Api;

/// <summary>Rendering a template (published, by key, or a body to try) for a customer and optionally one of their conversations.</summary>
public static class TemplateEndpoints
{
    public const long MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapTemplateEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/templates").WithTags("Templates");
        group.MapPost("/render", RenderAsync)
            .WithName("RenderTemplate")
            .WithSummary("Render a published template (templateKey) or a template body for a customer; missing required data is listed instead of rendering a message with gaps")
            .DocumentJsonBody<RenderTemplateInput>()
            .Produces<RenderedTemplateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Produces<TemplateProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json");
        return api;
    }

    private static async Task<IResult> RenderAsync(HttpRequest request, TemplateService templates, FieldPolicyRepository policies, CancellationToken ct)
    {
        var (input, problem) = await ApiBody.ReadObjectAsync<RenderTemplateInput>(request, MaxBodyBytes);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new ValidationErrors();
        var templateKey = string.IsNullOrWhiteSpace(input!.TemplateKey) ? null : input.TemplateKey.Trim();
        if ((templateKey is null) == string.IsNullOrWhiteSpace(input.Body))
        {
            errors.Add("templateKey", "Give either 'templateKey' (a published template) or 'body' (a template to try), not both.");
        }
        var externalId = Check.ExternalId(errors, "customerExternalId", input.CustomerExternalId);
        var tone = Check.OptionalEnum<TemplateTone>(errors, "tone", input.Tone);
        if (input.Body is { Length: > TemplateLimits.MaxSourceLength })
        {
            errors.Add("body", $"A template is at most {TemplateLimits.MaxSourceLength:N0} characters.");
        }
        if (!errors.IsEmpty)
        {
            return ApiBody.Invalid(errors.ToDictionary().ToDictionary());
        }
        var library = await templates.LibraryAsync(ct);
        var version = templateKey is not null ? library.Templates.FirstOrDefault(t => t.Definition.Key == templateKey) : null;
        if (templateKey is not null && version is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Template not found",
                detail: $"No published template has the key '{templateKey}'.");
        }
        var masking = await ApiMasking.ForAsync(request.HttpContext, policies, ct);
        var (data, notFound) = await templates.DataAsync(externalId!, input.ConversationId, tone, masking.Sees, null, ct);
        if (data is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: notFound);
        }
        var render = version is not null
            ? templates.Render(version, library, data, ct)
            : TemplateService.RenderDraft(input.Body!, [], library, data, ct);
        if (render.Errors.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The template cannot be rendered",
                detail: string.Join(" ", render.Errors.Select(e => e.ToString())),
                extensions: new Dictionary<string, object?> { ["errors"] = render.Errors.Select(TemplateErrorResponse.From).ToList() });
        }
        return TypedResults.Ok(new RenderedTemplateResponse(render.Text, version?.Version, render.Missing));
    }
}

/// <summary>What to render: a published template by key, or a template body to try; for whom; in which tone.</summary>
public sealed record RenderTemplateInput
{
    public string? TemplateKey { get; init; }
    public string? Body { get; init; }
    public string? CustomerExternalId { get; init; }
    public long? ConversationId { get; init; }
    public string? Tone { get; init; }
}

/// <summary>The rendered text, or (text null) the required data points the customer lacks.</summary>
public sealed record RenderedTemplateResponse(string? Text, int? TemplateVersion, IReadOnlyList<string> Missing);

public sealed record TemplateErrorResponse(int Line, int Column, string Message, string? Block)
{
    public static TemplateErrorResponse From(TemplateError e) => new(e.Line, e.Column, e.Message, e.Block);
}

/// <summary>The 422 problem: each error with its line and column (in the block named, when it is in one).</summary>
public sealed record TemplateProblem(string Title, int Status, string Detail, IReadOnlyList<TemplateErrorResponse> Errors);
