using Workspace.Domain.Conversations;

namespace Workspace.Domain.Signals;

/// <summary>What the customer has said they want; every field is optional and wins over what is observed.</summary>
public sealed record DeclaredPreferences(
    Channel? Channel,
    TimeOnly? WindowStart,
    TimeOnly? WindowEnd,
    Tone? Tone,
    string? Language,
    bool OptedOutOfNonMandatory,
    DateTimeOffset? PausedUntil);
