using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Web.Features.Api;

public static class ApiJson
{
    /// <summary>
    /// Request bodies are read strictly: an unknown field is an error rather than silently dropped,
    /// so a typo in an integration is reported instead of losing data.
    /// </summary>
    public static readonly JsonSerializerOptions Strict = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
