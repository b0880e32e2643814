namespace Workspace.Data.Quality;

/// <summary>A template version an agent sent in the conversation, and how many times: what a misfit flag can name.</summary>
public sealed record ReviewTemplateUse(string TemplateKey, int TemplateVersion, int Uses);
