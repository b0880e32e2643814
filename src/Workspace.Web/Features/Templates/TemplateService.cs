using Workspace.Data.Conversations;
using Workspace.Data.Routing;
using Workspace.Data.Templates;
using Workspace.Domain.Routing;
using Workspace.Domain.Templates;
using Workspace.Web.Features.Context;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// Renders templates for a customer (and a conversation, an agent, a tone), runs a template's saved test
/// cases, and suggests templates for a conversation. A template is parsed once per version (and block
/// versions) and cached; a template whose required data the customer lacks says what is missing instead
/// of rendering a message with gaps.
/// </summary>
public sealed class TemplateService(
    TemplateRepository templates,
    CustomerContextService contexts,
    ConversationRepository conversations,
    RoutingRepository routing)
{
    private readonly TemplateEngine _engine = new();

    public Task<TemplateLibrary> LibraryAsync(CancellationToken ct) => templates.LibraryAsync(ct);

    /// <summary>
    /// The data a template reads for this customer: masked as <paramref name="sees"/> says, with the
    /// conversation when it is theirs, and the tone asked for (else the customer's).
    /// </summary>
    public async Task<(TemplateData? Data, string? Problem)> DataAsync(string customerExternalId, long? conversationId, TemplateTone? tone,
        Func<string, bool> sees, (string Name, string? Team)? agent, CancellationToken ct)
    {
        var context = await contexts.LoadAsync(customerExternalId, ct);
        if (context is null)
        {
            return (null, $"No customer has external id '{customerExternalId}'.");
        }
        ConversationRecord? conversation = null;
        ConversationRouting? decision = null;
        if (conversationId is { } id)
        {
            conversation = await conversations.GetAsync(id, ct);
            if (conversation is null || conversation.CustomerId != context.Customer.Id)
            {
                return (null, $"Conversation {id} is not one of {customerExternalId}'s.");
            }
            decision = await routing.DecisionAsync(id, ct);
        }
        return (TemplateDataBuilder.Build(context, contexts.Catalog, sees, conversation, decision, agent, tone), null);
    }

    /// <summary>Renders a published template's live version (or a draft body) for the data; nothing is rendered while required data is missing.</summary>
    public TemplateRender Render(string cacheKey, string body, IReadOnlyList<string> requiredData, TemplateLibrary library, TemplateData data, CancellationToken ct) =>
        RenderComplete(requiredData, data, () => _engine.Render(cacheKey + BlockKey(library), body, library.BlockBodies, data, ct));

    /// <summary>The live version of a template, rendered for the data.</summary>
    public TemplateRender Render(TemplateVersion version, TemplateLibrary library, TemplateData data, CancellationToken ct) =>
        Render($"{version.Definition.Key}@{version.Version}", version.Definition.Body, version.Definition.RequiredData, library, data, ct);

    /// <summary>A body being edited (not cached: it changes with every key stroke).</summary>
    public static TemplateRender RenderDraft(string body, IReadOnlyList<string> requiredData, TemplateLibrary library, TemplateData data, CancellationToken ct) =>
        RenderComplete(requiredData, data, () =>
        {
            var compiled = TemplateEngine.Compile(body, library.BlockBodies);
            return compiled.Succeeded ? TemplateEngine.Render(compiled.Template!, data, ct) : TemplateResult.Failed(compiled.Errors);
        });

    /// <summary>Renders only when the data the template requires is all there; otherwise says what is missing.</summary>
    private static TemplateRender RenderComplete(IReadOnlyList<string> requiredData, TemplateData data, Func<TemplateResult> render)
    {
        var missing = TemplateLint.Missing(data, requiredData);
        if (missing.Count > 0)
        {
            return new TemplateRender(null, missing, []);
        }
        var result = render();
        return new TemplateRender(result.Text, [], result.Errors);
    }

    /// <summary>Test cases render as the reference page's example agent, so they do not depend on who runs them.</summary>
    private static readonly (string Name, string? Team) ExampleAgent = (TemplateModel.Example.Agent!.Name, TemplateModel.Example.Agent.Team);

    /// <summary>Runs a template's test cases against the blocks given; every one must pass before a version is published.</summary>
    public async Task<IReadOnlyList<TestCaseOutcome>> RunTestsAsync(TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests, TemplateLibrary library, CancellationToken ct)
    {
        var outcomes = new List<TestCaseOutcome>(tests.Count);
        foreach (var test in tests)
        {
            var tone = test.Tone ?? definition.DefaultTone;
            TemplateData? data = test.Data is { } built ? built with { Tone = TemplateDataBuilder.ToneName(tone) } : null;
            if (data is null && test.CustomerExternalId is { } customer)
            {
                var (loaded, problem) = await DataAsync(customer, null, tone, _ => true, ExampleAgent, ct);
                if (loaded is null)
                {
                    outcomes.Add(new TestCaseOutcome(test, false, null, [problem!]));
                    continue;
                }
                data = loaded;
            }
            if (data is null)
            {
                outcomes.Add(new TestCaseOutcome(test, false, null, ["The test case names neither a customer nor its own data."]));
                continue;
            }
            var render = RenderDraft(definition.Body, definition.RequiredData, library, data, ct);
            var failures = new List<string>();
            if (render.Missing.Count > 0)
            {
                failures.Add($"Missing data: {string.Join(", ", render.Missing)}.");
            }
            failures.AddRange(render.Errors.Select(e => e.ToString()));
            if (render.Text is { } text)
            {
                failures.AddRange(test.MustContain.Where(f => !text.Contains(f, StringComparison.Ordinal)).Select(f => $"“{f}” is missing from the text."));
                failures.AddRange(test.MustNotContain.Where(f => text.Contains(f, StringComparison.Ordinal)).Select(f => $"“{f}” should not be in the text."));
            }
            outcomes.Add(new TestCaseOutcome(test, failures.Count == 0, render.Text, failures));
        }
        return outcomes;
    }

    /// <summary>Published templates ranked for a conversation, by its intent, the customer's stage and segments.</summary>
    public static IReadOnlyList<TemplateSuggestion> Suggest(TemplateLibrary library, CustomerContext context, ConversationRecord conversation, ConversationRouting? decision) =>
        TemplateSuggestions.Rank(library.Templates.Select(t => (t.Definition, t.Version)), decision?.Intent.Intent, context.Signals.Lifecycle.Stage,
            context.Segments.Select(s => s.Key).ToHashSet(StringComparer.Ordinal), conversation.Channel.ToString());

    /// <summary>Blocks are versioned on their own, so a cached parse names the block versions it was made with.</summary>
    private static string BlockKey(TemplateLibrary library) => "|" + string.Join(",", library.Blocks.Select(b => $"{b.Block.Name}@{b.Version}"));
}

/// <summary>A render's outcome: the text, or what data is missing, or the template's errors.</summary>
public sealed record TemplateRender(string? Text, IReadOnlyList<string> Missing, IReadOnlyList<TemplateError> Errors)
{
    public bool Succeeded => Text is not null;
}

public sealed record TestCaseOutcome(TemplateTestCase Test, bool Passed, string? Text, IReadOnlyList<string> Failures);
