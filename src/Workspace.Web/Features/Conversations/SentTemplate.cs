namespace Workspace.Web.Features.Conversations;

/// <summary>
/// The template a reply was sent from: its version, whether the agent changed the text, and the text it rendered
/// when inserted, which QA compares with what was sent.
/// </summary>
public sealed record SentTemplate(string Key, int Version, bool Edited, string Rendered);
