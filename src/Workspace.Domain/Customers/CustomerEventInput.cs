using Workspace.Domain.Validation;

namespace Workspace.Domain.Customers;

/// <summary>One product-usage event as it arrives from an integration.</summary>
public sealed record CustomerEventInput
{
    public const int MaxBatch = 1000;
    public const int MaxProperties = 30;

    /// <summary>Events more than this far ahead of the server clock are a client clock error, not a fact.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    public string? EventId { get; init; }
    public string? Kind { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }
    public Dictionary<string, string?>? Properties { get; init; }

    public CustomerEvent? Validate(ValidationErrors errors, DateTimeOffset now)
    {
        var id = Check.ExternalId(errors, "eventId", EventId);
        var kind = Check.RequiredEnum<EventKind>(errors, "kind", Kind);
        var name = Check.RequiredText(errors, "name", Name, 100);
        if (OccurredAt is null)
        {
            errors.Add("occurredAt", "'occurredAt' is required (ISO 8601 with offset).");
        }
        else if (OccurredAt > now + FutureTolerance)
        {
            errors.Add("occurredAt", "'occurredAt' must not be in the future.");
        }
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Properties is { Count: > MaxProperties })
        {
            errors.Add("properties", $"'properties' may hold at most {MaxProperties} entries.");
        }
        else if (Properties is not null)
        {
            foreach (var (key, value) in Properties)
            {
                if (string.IsNullOrWhiteSpace(key) || key.Length > 64)
                {
                    errors.Add("properties", $"Property name '{key}' must be 1 to 64 characters.");
                    continue;
                }
                var text = Check.OptionalText(errors, $"properties.{key}", value, 500);
                if (text is not null)
                {
                    properties[key] = text;
                }
            }
        }
        if (!errors.IsEmpty || id is null || kind is null || name is null || OccurredAt is null)
        {
            return null;
        }
        return new CustomerEvent(id, kind.Value, name, OccurredAt.Value.ToUniversalTime(), properties);
    }

    /// <summary>
    /// Validates a batch as a whole: one bad event rejects the batch (nothing partial is stored), and
    /// each error names the event's index. A batch repeating an id is refused because the two
    /// events cannot both be the fact that id names.
    /// </summary>
    public static IReadOnlyList<CustomerEvent>? ValidateBatch(IReadOnlyList<CustomerEventInput?> batch, ValidationErrors errors, DateTimeOffset now)
    {
        if (batch.Count == 0)
        {
            errors.Add("events", "At least one event is required.");
            return null;
        }
        if (batch.Count > MaxBatch)
        {
            errors.Add("events", $"A batch holds at most {MaxBatch} events (got {batch.Count}).");
            return null;
        }
        var result = new List<CustomerEvent>(batch.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var prefix = batch.Count == 1 ? "" : $"events[{i}]";
            if (batch[i] is not { } input)
            {
                errors.Add(prefix.Length == 0 ? "events" : prefix, "An event must be an object.");
                continue;
            }
            var own = new ValidationErrors();
            var validated = input.Validate(own, now);
            if (validated is null)
            {
                if (prefix.Length == 0)
                {
                    foreach (var (field, messages) in own.ToDictionary())
                    {
                        foreach (var message in messages)
                        {
                            errors.Add(field, message);
                        }
                    }
                }
                else
                {
                    errors.Merge(prefix, own);
                }
                continue;
            }
            if (!seen.Add(validated.EventId))
            {
                errors.Add($"{(prefix.Length == 0 ? "events" : prefix)}.eventId", $"Event id '{validated.EventId}' appears more than once in this batch.");
                continue;
            }
            result.Add(validated);
        }
        return errors.IsEmpty ? result : null;
    }
}
