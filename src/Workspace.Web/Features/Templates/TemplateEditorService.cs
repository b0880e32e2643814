using Workspace.Data.Segments;
using Workspace.Data.Templates;
using Workspace.Domain.Templates;

namespace Workspace.Web.Features.Templates;

/// <summary>
/// What the leads' template editor does beyond storing: the library with its drafts and unused blocks,
/// and publishing only what passes. A template version is published only when its body compiles and
/// every one of its test cases passes; a block only when every live template that includes it still
/// passes its own test cases with the new block. The repository audits each change it makes.
/// </summary>
public sealed class TemplateEditorService(TemplateRepository templates, TemplateService renderer, SegmentRepository segments)
{
    /// <summary>The live library, every unpublished draft, and the blocks no live template includes.</summary>
    public async Task<TemplateEditorOverview> OverviewAsync(CancellationToken ct)
    {
        var library = await templates.LibraryAsync(ct);
        var drafts = await templates.DraftsAsync(ct);
        var unused = TemplateLint.UnusedBlocks(library.Templates.Select(t => t.Definition.Body), library.BlockBodies);
        return new TemplateEditorOverview(library, drafts, unused);
    }

    public async Task<IReadOnlyList<string>> SegmentKeysAsync(CancellationToken ct) =>
        [.. (await segments.ListAsync(ct)).Select(s => s.Key)];

    /// <summary>Whether a template (published or only drafted) already has this key.</summary>
    public async Task<bool> KeyTakenAsync(string key, CancellationToken ct) =>
        (await templates.VersionsAsync(key, ct)).Count > 0 || await templates.DraftAsync(key, ct) is not null;

    /// <summary>
    /// Runs the test cases against the live blocks and publishes the template as its next version only when
    /// all pass and the live version is still <paramref name="expectedLive"/>; otherwise says why not.
    /// </summary>
    public async Task<TemplatePublishAttempt> PublishAsync(TemplateDefinition definition, IReadOnlyList<TemplateTestCase> tests, int? expectedLive,
        string? comment, string actor, DateTimeOffset now, CancellationToken ct)
    {
        if (tests.Count == 0)
        {
            return TemplatePublishAttempt.Refused("Add at least one test case: a version is published only once its test cases pass.", []);
        }
        var library = await templates.LibraryAsync(ct);
        var compiled = TemplateEngine.Compile(definition.Body, library.BlockBodies);
        if (!compiled.Succeeded)
        {
            return TemplatePublishAttempt.Refused($"The body has errors: {string.Join(" ", compiled.Errors)}", []);
        }
        var outcomes = await renderer.RunTestsAsync(definition, tests, library, ct);
        var failed = outcomes.Where(o => !o.Passed).Select(o => $"“{o.Test.Name}”").ToList();
        if (failed.Count > 0)
        {
            return TemplatePublishAttempt.Refused(
                $"Not published: {failed.Count} of {outcomes.Count} test case(s) fail: {string.Join(", ", failed)}.", outcomes);
        }
        var published = await templates.PublishAsync(definition, tests, expectedLive, comment, actor, now, ct);
        return new TemplatePublishAttempt(published.Version, published.Refusal, outcomes, []);
    }

    /// <summary>
    /// Publishes a block's next version when its body compiles and every live template that includes it (now
    /// or with the new body, directly or through other blocks) passes its test cases with the new body.
    /// </summary>
    public async Task<TemplatePublishAttempt> PublishBlockAsync(TemplateBlock block, int? expectedLive, string? comment, string actor, DateTimeOffset now,
        CancellationToken ct)
    {
        var current = await templates.LibraryAsync(ct);
        var trial = WithBlock(current, block);
        var compiled = TemplateEngine.Compile(block.Body, trial.BlockBodies);
        if (!compiled.Succeeded)
        {
            return TemplatePublishAttempt.Refused($"The block has errors: {string.Join(" ", compiled.Errors)}", []);
        }
        var results = await DependentTestsAsync(current, block, ct);
        var failed = results.SelectMany(r => r.Outcomes.Where(o => !o.Passed).Select(o => $"{r.Template.Definition.Key}: “{o.Test.Name}”")).ToList();
        if (failed.Count > 0)
        {
            return TemplatePublishAttempt.Refused(
                $"Not published: with this block, {failed.Count} test case(s) of templates that include it fail: {string.Join(", ", failed)}.", [], results);
        }
        var published = await templates.PublishBlockAsync(block, expectedLive, comment, actor, now, ct);
        return new TemplatePublishAttempt(published.Version, published.Refusal, [], results);
    }

    /// <summary>The test cases of every live template that includes the block, run with the block's new body.</summary>
    public async Task<IReadOnlyList<TemplateTestRun>> DependentTestsAsync(TemplateLibrary library, TemplateBlock block, CancellationToken ct)
    {
        var trial = WithBlock(library, block);
        var runs = new List<TemplateTestRun>();
        foreach (var template in Including(library, block.Name).Union(Including(trial, block.Name)).DistinctBy(t => t.Definition.Key))
        {
            runs.Add(new TemplateTestRun(template, await renderer.RunTestsAsync(template.Definition, template.TestCases, trial, ct)));
        }
        return runs;
    }

    /// <summary>The library with <paramref name="block"/> in place of the live block of that name (or added).</summary>
    public static TemplateLibrary WithBlock(TemplateLibrary library, TemplateBlock block)
    {
        var live = library.Blocks.FirstOrDefault(b => b.Block.Name == block.Name);
        var trial = new BlockVersion(block, (live?.Version ?? 0) + 1, null, "", DateTimeOffset.MinValue);
        return library with { Blocks = [.. library.Blocks.Where(b => b.Block.Name != block.Name), trial] };
    }

    /// <summary>The live templates that include the block, directly or through other blocks.</summary>
    public static IReadOnlyList<TemplateVersion> Including(TemplateLibrary library, string blockName)
    {
        var blocks = library.BlockBodies;
        return [.. library.Templates.Where(t => TemplateEngine.Compile(t.Definition.Body, blocks).Template?.IncludedBlocks.Contains(blockName) == true)];
    }
}

/// <summary>The library as the editor's list shows it.</summary>
public sealed record TemplateEditorOverview(TemplateLibrary Library, IReadOnlyList<TemplateDraft> Drafts, IReadOnlyList<string> UnusedBlocks);

/// <summary>One template's test cases and how each fared.</summary>
public sealed record TemplateTestRun(TemplateVersion Template, IReadOnlyList<TestCaseOutcome> Outcomes);

/// <summary>
/// A publish attempt: the new version, or why nothing was published, with the test outcomes that decided it
/// (the template's own, or those of the templates that include a block).
/// </summary>
public sealed record TemplatePublishAttempt(int? Version, string? Refusal, IReadOnlyList<TestCaseOutcome> Outcomes, IReadOnlyList<TemplateTestRun> Dependents)
{
    public static TemplatePublishAttempt Refused(string why, IReadOnlyList<TestCaseOutcome> outcomes, IReadOnlyList<TemplateTestRun>? dependents = null) =>
        new(null, why, outcomes, dependents ?? []);
}
