using Workspace.Domain.Customers;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Templates;

/// <summary>The two ways a template can speak: short and technical, or step by step.</summary>
public enum TemplateTone
{
    Concise,
    Guided,
}

/// <summary>
/// A message template as a lead writes it: where it applies (intents, lifecycle stages, channel,
/// segments), the data points it needs (model paths such as <c>signals.failed_steps</c>), its default
/// tone, and the Scriban body.
/// </summary>
public sealed record TemplateDefinition(
    string Key,
    string Name,
    IReadOnlyList<Intent> Intents,
    IReadOnlyList<LifecycleStage> Stages,
    string? Channel,
    IReadOnlyList<string> RequiredData,
    TemplateTone DefaultTone,
    string Body,
    IReadOnlyList<string>? Segments = null)
{
    public IReadOnlyList<string> SegmentKeys => Segments ?? [];
}

/// <summary>A reusable block that templates include by name (<c>{{ include 'greeting' }}</c>).</summary>
public sealed record TemplateBlock(string Name, string Body);

/// <summary>
/// A saved check a template version must pass before it is published: a context (a customer, or hand-built
/// data) and text fragments that must, or must not, appear in the rendered message.
/// </summary>
public sealed record TemplateTestCase(string Name, string? CustomerExternalId, TemplateData? Data, TemplateTone? Tone, IReadOnlyList<string> MustContain, IReadOnlyList<string> MustNotContain);
