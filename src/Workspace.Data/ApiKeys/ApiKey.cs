namespace Workspace.Data.ApiKeys;

public sealed record ApiKey(long Id, string Name, string Prefix, ApiKeyScope Scope, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt);
