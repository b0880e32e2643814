using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Domain.Routing;

/// <summary>
/// The stored form of definitions, signal snapshots and decisions: camelCase JSON with enums by name,
/// so a stored version stays readable (and diffable) by a person.
/// </summary>
public static class RoutingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");
}
