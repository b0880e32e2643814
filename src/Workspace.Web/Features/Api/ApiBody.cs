using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workspace.Web.Features.Api;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong into a problem
/// response that names the field: too large (413), not JSON (415), malformed or mistyped (400).
/// </summary>
public static partial class ApiBody
{
    public static async Task<(JsonElement Body, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(maxBytes));
        }
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type", detail: "Send the body as application/json."));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (default, TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Invalid("body", $"The body is not valid JSON ({e.Message.Split(". ")[0]})."));
        }
    }

    /// <summary>Reads the body and binds it to <typeparamref name="T"/>: the value, or the problem to return.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadObjectAsync<T>(HttpRequest request, long maxBytes)
        where T : class
    {
        var (body, problem) = await ReadAsync(request, maxBytes);
        return problem is null ? Bind<T>(body) : (null, problem);
    }

    /// <summary>Binds a JSON value to <typeparamref name="T"/>, naming the field a type error is in.</summary>
    public static (T? Value, IResult? Problem) Bind<T>(JsonElement element, string pathPrefix = "")
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, Invalid(pathPrefix.Length == 0 ? "body" : pathPrefix, "Expected a JSON object."));
        }
        try
        {
            return (element.Deserialize<T>(ApiJson.Strict), null);
        }
        catch (JsonException e)
        {
            var unmapped = UnmappedMember().Match(e.Message);
            var field = unmapped.Success
                ? Join(pathPrefix, unmapped.Groups[1].Value)
                : Join(pathPrefix, FieldFromPath(e.Path));
            var message = unmapped.Success
                ? $"'{unmapped.Groups[1].Value}' is not a known field."
                : $"'{field}' has the wrong type or format.";
            return (null, Invalid(field, message));
        }
    }

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields.");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"The body must be at most {maxBytes:N0} bytes.");

    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static string Join(string prefix, string field) =>
        prefix.Length == 0 ? field : field == "body" ? prefix : field.StartsWith('[') ? prefix + field : $"{prefix}.{field}";

    [GeneratedRegex("property '([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();
}
