using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Workspace.Data.Audit;
using Workspace.Data.Templates;
using Workspace.Domain.Templates;
using Workspace.Web.Features.Templates;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Components;

/// <summary>
/// The template editor on the demo library (eight templates, four blocks, version 1 each). The shared app
/// must keep rendering the demo library, so nothing here publishes, rolls back or keeps a draft of a demo
/// template or block; the publish and rollback round trip uses a template of its own.
/// </summary>
public sealed partial class TemplatesPageTests : ComponentTestContext
{
    private static readonly string[] DemoKeys =
    [
        "onboarding-failed-step", "feature-adoption", "invoice-question", "refund-confirmation",
        "outage-apology", "escalation-handoff", "enterprise-checkin", "csat-follow-up",
    ];

    private static readonly string[] DemoBlocks = ["greeting", "signoff", "next-step", "knowledge"];

    private const string OnboardingKey = "onboarding-failed-step";

    public TemplatesPageTests(WorkspaceApp app)
        : base(app)
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);

    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private async Task<IRenderedComponent<TemplatesPage>> RenderAsLeadAsync()
    {
        await SignInAsAsync(WorkspaceApp.LeadEmail);
        _dialogs = Render<MudDialogProvider>();
        var page = RenderWithPopovers<TemplatesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=template-item-{OnboardingKey}]")), Slow);
        return page;
    }

    private static async Task SelectAsync(IRenderedComponent<TemplatesPage> page, string testId, string heading)
    {
        await ClickAsync(page, page.Find($"[data-testid={testId}]"));
        page.WaitForAssertion(() => Assert.Equal(heading, Text(page.Find("[role=region] h2"))), Slow);
    }

    private static Task SelectTemplateAsync(IRenderedComponent<TemplatesPage> page, string key, string name) =>
        SelectAsync(page, $"template-item-{key}", name);

    private static async Task NewTemplateAsync(IRenderedComponent<TemplatesPage> page)
    {
        await ClickAsync(page, Button(page, "New template"));
        page.WaitForAssertion(() => Assert.Equal("New template", Text(page.Find("[role=region] h2"))), Slow);
    }

    private static IElement BodyField(IRenderedComponent<TemplatesPage> page) => page.Find("[data-testid=template-body] textarea");

    private static Task TypeBodyAsync(IRenderedComponent<TemplatesPage> page, string body) =>
        page.InvokeAsync(() => BodyField(page).Input(body));

    /// <summary>The input of the field whose label reads <paramref name="label"/>.</summary>
    private static IElement Field(IRenderedComponent<TemplatesPage> page, string label, IElement? within = null)
    {
        var labels = (within?.QuerySelectorAll("label") ?? page.FindAll("label")).Where(l => l.TextContent.Trim() == label).ToList();
        var id = Assert.Single(labels).GetAttribute("for");
        return page.FindAll($"[id='{id}']").Single();
    }

    private static IElement Button(IRenderedComponent<TemplatesPage> page, string text) =>
        page.FindAll("button").Single(b => Text(b) == text);

    private static Task ClickAsync(IRenderedComponent<TemplatesPage> page, IElement element) =>
        page.InvokeAsync(() => element.ClickAsync(new MouseEventArgs()));

    private static string Text(IElement element) => Whitespace().Replace(element.TextContent, " ").Trim();

    private static async Task OpenTabAsync(IRenderedComponent<TemplatesPage> page, string tab)
    {
        await ClickAsync(page, page.FindAll(".mud-tab").Single(t => t.TextContent.Trim().StartsWith(tab, StringComparison.Ordinal)));
        page.WaitForAssertion(() => Assert.Equal("true",
            page.FindAll("[role=tab]").Single(t => t.TextContent.Trim().StartsWith(tab, StringComparison.Ordinal)).GetAttribute("aria-selected")));
    }

    private static string Preview(IRenderedComponent<TemplatesPage> page) => Text(page.Find("[data-testid=template-preview]"));

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action, string targetPrefix)
    {
        var (entries, _) = await App.Service<AuditLog>().PageAsync(action, 0, 500, Ct);
        return [.. entries.Where(e => e.Target?.StartsWith(targetPrefix, StringComparison.Ordinal) == true)];
    }

    [Fact]
    public async Task Render_Lead_ListsTheDemoTemplatesWithTheirLiveVersionAndTheBlocks()
    {
        var page = await RenderAsLeadAsync();

        Assert.Equal("Templates", Text(page.Find("h1")));
        foreach (var key in DemoKeys)
        {
            var item = page.Find($"[data-testid=template-item-{key}]");
            Assert.Contains(key, Text(item), StringComparison.Ordinal);
            Assert.Matches(@"\bv\d+\b", Text(item));
        }
        Assert.Contains("Onboarding help for a failed step", Text(page.Find($"[data-testid=template-item-{OnboardingKey}]")), StringComparison.Ordinal);
        foreach (var block in DemoBlocks)
        {
            Assert.Contains(block, Text(page.Find($"[data-testid=block-item-{block}]")), StringComparison.Ordinal);
            // Every demo block is included by some demo template.
            Assert.DoesNotContain("unused", Text(page.Find($"[data-testid=block-item-{block}]")), StringComparison.Ordinal);
        }
        Assert.Equal("/templates/reference", page.FindAll("a").Single(a => Text(a).StartsWith("Reference", StringComparison.Ordinal)).GetAttribute("href"));
    }

    [Fact]
    public async Task Select_OnboardingFailedStep_ShowsItsSettingsBodyAndCleanCheck()
    {
        var page = await RenderAsLeadAsync();

        await SelectTemplateAsync(page, OnboardingKey, "Onboarding help for a failed step");

        var body = BodyField(page).GetAttribute("value") ?? BodyField(page).TextContent;
        Assert.Contains("{{ include \"greeting\" }}", body, StringComparison.Ordinal);
        Assert.Contains("Re-run it with an admin account", body, StringComparison.Ordinal);
        Assert.StartsWith("Live: version ", Text(page.Find("[data-testid=template-status]")), StringComparison.Ordinal);
        Assert.Equal("recommendations.failed_step", Field(page, "Required data").GetAttribute("value"));
        Assert.True(Field(page, "Key").HasAttribute("disabled"), "A published template's key cannot change.");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=template-clean]")), Slow);
        Assert.Empty(page.FindAll("[data-testid=template-errors]"));
    }

    [Fact]
    public async Task Body_IfWithoutConditionOnLine2_ShowsTheErrorWithLineAndColumnAndBlocksPublish()
    {
        var page = await RenderAsLeadAsync();
        await NewTemplateAsync(page);

        await TypeBodyAsync(page, "Hello {{ customer.first_name }},\nWe {{ if }}checked{{ end }}.");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=template-errors]")));
        var errors = page.Find("[data-testid=template-errors]");
        Assert.Equal("alert", errors.GetAttribute("role"));
        // "We {{ if }}": the condition is missing where the tag closes, at column 10.
        Assert.StartsWith("The template does not compile: Line 2, column 10: ", Text(errors), StringComparison.Ordinal);
        Assert.True(Button(page, "Publish").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Body_UnknownField_ShowsALintWarningNamingTheFieldsThatExist()
    {
        var page = await RenderAsLeadAsync();
        await NewTemplateAsync(page);

        await TypeBodyAsync(page, "Hi {{ customer.nme }},\nthanks.");

        page.WaitForAssertion(() => Assert.Contains("Unknown field 'customer.nme'", Text(page.Find("[data-testid=template-lint]")), StringComparison.Ordinal));
        var lint = Text(page.Find("[data-testid=template-lint]"));
        Assert.Contains("Line 1, column", lint, StringComparison.Ordinal);
        Assert.Contains("first_name", lint, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=template-errors]"));
    }

    [Fact]
    public async Task Preview_Cus0002InTheGuidedTone_RendersTheFailedStepAsPlainText()
    {
        var page = await RenderAsLeadAsync();
        await SelectTemplateAsync(page, OnboardingKey, "Onboarding help for a failed step");

        await ClickAsync(page, page.FindAll("[data-testid=template-preview]").Single().ParentElement!.QuerySelectorAll(".mud-toggle-item")
            .Single(b => Text(b) == "Guided"));

        page.WaitForAssertion(() => Assert.Contains("connect data source", Text(page.Find("[data-testid=preview-text]")), StringComparison.Ordinal), Slow);
        var text = page.Find("[data-testid=preview-text]");
        Assert.Contains("didn't complete on your side", Text(text), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text.TextContent, StringComparison.Ordinal);
        Assert.Contains("pre-wrap", text.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Empty(text.Children);
    }

    [Fact]
    public async Task Preview_Cus0001WithoutAFailedStep_ListsTheMissingDataInsteadOfText()
    {
        var page = await RenderAsLeadAsync();
        await SelectTemplateAsync(page, OnboardingKey, "Onboarding help for a failed step");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=preview-text]")), Slow);

        await page.InvokeAsync(() => page.Find("[data-testid=preview-customer] input").Change("cus_0001"));

        page.WaitForAssertion(() => Assert.Contains("recommendations.failed_step", Preview(page), StringComparison.Ordinal), Slow);
        Assert.Contains("lacks data the template requires", Preview(page), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=preview-text]"));
        Assert.Contains("This customer has no recommendations.failed_step", Text(page.Find("[data-testid=template-lint]")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunTests_DemoTemplate_BothSavedTestCasesPass()
    {
        var page = await RenderAsLeadAsync();
        await SelectTemplateAsync(page, OnboardingKey, "Onboarding help for a failed step");
        await OpenTabAsync(page, "Test cases");

        await ClickAsync(page, Button(page, "Run tests"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=test-results]")), Slow);
        var results = page.Find("[data-testid=test-results]");
        Assert.Contains("2 of 2 test case(s) pass.", Text(results), StringComparison.Ordinal);
        Assert.Contains("Names the failed step and the next one (guided)", Text(results), StringComparison.Ordinal);
        Assert.Contains("Short in the concise tone", Text(results), StringComparison.Ordinal);
        Assert.All(results.QuerySelectorAll("[data-testid=test-outcome]"), o => Assert.Equal("true", o.GetAttribute("data-passed")));
    }

    [Fact]
    public async Task Publish_ChangeThatBreaksATestCase_RefusedNamingTheTestAndNothingPublished()
    {
        var templates = App.Service<TemplateRepository>();
        var before = (await templates.VersionsAsync(OnboardingKey, Ct)).Count;
        var page = await RenderAsLeadAsync();
        await SelectTemplateAsync(page, OnboardingKey, "Onboarding help for a failed step");
        var body = BodyField(page).GetAttribute("value")!;
        Assert.Contains("Re-run it with an admin account; it", body, StringComparison.Ordinal);

        await TypeBodyAsync(page, body.Replace("Re-run it with an admin account; it", "It", StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Unsaved changes.", Text(page.Find("[data-testid=template-status]")), StringComparison.Ordinal));
        await ClickAsync(page, Button(page, "Publish"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=publish-refusal]")), Slow);
        var refusal = Text(page.Find("[data-testid=publish-refusal]"));
        Assert.Contains("1 of 2 test case(s) fail", refusal, StringComparison.Ordinal);
        Assert.Contains("“Short in the concise tone”", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Names the failed step", refusal, StringComparison.Ordinal);
        Assert.Equal(before, (await templates.VersionsAsync(OnboardingKey, Ct)).Count);
        Assert.Null(await templates.DraftAsync(OnboardingKey, Ct));
        Assert.Contains("Unsaved changes.", Text(page.Find("[data-testid=template-status]")), StringComparison.Ordinal);

        // What would change is the body's third line, nothing else.
        await OpenTabAsync(page, "Versions");
        var pending = Text(page.Find("[data-testid=pending-changes]"));
        Assert.Contains("- line 3: ", pending, StringComparison.Ordinal);
        Assert.Contains("+ line 3: ", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Intents", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Test cases changed.", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishBlock_ChangeThatBreaksAnIncludingTemplatesTest_RefusedAndNothingPublished()
    {
        var page = await RenderAsLeadAsync();
        await SelectAsync(page, "block-item-next-step", "Block next-step");
        Assert.Contains(OnboardingKey, Text(page.Find("[data-testid=block-status]")), StringComparison.Ordinal);
        var liveVersion = (await App.Service<TemplateRepository>().LibraryAsync(Ct)).Blocks.Single(b => b.Block.Name == "next-step").Version;

        await page.InvokeAsync(() => page.Find("[data-testid=block-body] textarea").Input("""{{ if tone == "guided" }}Then carry on.{{ else }}Next: carry on.{{ end }}"""));
        await ClickAsync(page, Button(page, "Publish block"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=publish-refusal]")), Slow);
        Assert.Contains($"{OnboardingKey}: “Names the failed step and the next one (guided)”", Text(page.Find("[data-testid=publish-refusal]")), StringComparison.Ordinal);
        Assert.Contains("“the next step is” is missing from the text.", Text(page.Find("[data-testid=block-test-results]")), StringComparison.Ordinal);
        Assert.Equal(liveVersion, (await App.Service<TemplateRepository>().LibraryAsync(Ct)).Blocks.Single(b => b.Block.Name == "next-step").Version);
    }

    [Fact]
    public async Task SaveDraft_NewTemplate_AppearsInTheListAsADraftAndIsAudited()
    {
        var key = $"test-{Guid.NewGuid():N}";
        var templates = App.Service<TemplateRepository>();
        var page = await RenderAsLeadAsync();
        await NewTemplateAsync(page);
        page.WaitForAssertion(() => Assert.Contains("The key is 1 to 64", Text(page.Find("[data-testid=draft-errors]")), StringComparison.Ordinal));
        Assert.True(Button(page, "Save draft").HasAttribute("disabled"));
        try
        {
            await page.InvokeAsync(() => Field(page, "Key").Input(key));
            await page.InvokeAsync(() => Field(page, "Name").Input("zz Draft only"));
            page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=draft-errors]")));

            await ClickAsync(page, Button(page, "Save draft"));

            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid=template-item-{key}]")), Slow);
            var item = Text(page.Find($"[data-testid=template-item-{key}]"));
            Assert.Contains("new", item, StringComparison.Ordinal);
            Assert.Contains("draft", item, StringComparison.Ordinal);
            page.WaitForAssertion(() => Assert.Contains("Draft saved by lead@demo.local", Text(page.Find("[data-testid=template-status]")), StringComparison.Ordinal), Slow);
            var draft = await templates.DraftAsync(key, Ct);
            Assert.NotNull(draft);
            Assert.Equal(TemplateEditorDraft.StarterBody, draft.Definition.Body);
            Assert.Single(draft.TestCases);
            Assert.Single(await AuditAsync("template.draft-saved", $"template:{key}"));
            Assert.Empty(await templates.VersionsAsync(key, Ct));
        }
        finally
        {
            await templates.DiscardDraftAsync(key, WorkspaceApp.LeadEmail, DateTimeOffset.UtcNow, CancellationToken.None);
        }
    }

    [Fact]
    public async Task PublishThenRollBack_OwnTemplate_NewVersionsAndTheFirstTextLiveAgain()
    {
        var templates = App.Service<TemplateRepository>();
        var key = $"test-{Guid.NewGuid():N}";
        var name = $"zz Round trip {key[5..13]}";
        // Its own template, for e-mail only, so suggestions for the chat conversations of other tests never include it.
        await templates.PublishAsync(
            new TemplateDefinition(key, name, [], [], "Email", [], TemplateTone.Concise, "Hello {{ customer.first_name }}, version one."),
            [new TemplateTestCase("Says which version", "cus_0002", null, null, ["version one"], [])], null, "First", WorkspaceApp.LeadEmail, DateTimeOffset.UtcNow, Ct);
        var page = await RenderAsLeadAsync();
        await SelectTemplateAsync(page, key, name);

        await TypeBodyAsync(page, "Hello {{ customer.first_name }}, version two.");
        await OpenTabAsync(page, "Test cases");
        var test = page.Find("[role=group][aria-label^='Test case 1']");
        await page.InvokeAsync(() => Field(page, "Must contain (one per line)", test).Input("version two"));
        await page.InvokeAsync(() => Field(page, "What changed and why").Input("Second wording"));
        await ClickAsync(page, Button(page, "Publish"));

        page.WaitForAssertion(() => Assert.StartsWith("Live: version 2,", Text(page.Find("[data-testid=template-status]")), StringComparison.Ordinal), Slow);
        var versions = await templates.VersionsAsync(key, Ct);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("Second wording", versions[0].Comment);
        Assert.Contains("+ line 1: Hello {{ customer.first_name }}, version two.", versions[0].Changes);
        Assert.Single(await AuditAsync("template.published", $"template:{key} v2"));

        await OpenTabAsync(page, "Versions");
        await ClickAsync(page, page.FindAll("button").First(b => Text(b) == "Show diff"));
        page.WaitForAssertion(() => Assert.Contains("Version 2 against version 1", Text(page.Find("[data-testid=version-diff]")), StringComparison.Ordinal));
        var rows = page.FindAll("[data-testid=version-diff] [role=row]");
        Assert.Equal("Hello {{ customer.first_name }}, version one.", Text(Assert.Single(rows, r => r.ClassList.Contains("ws-tpl-diff-removed")).Children[^1]));
        Assert.Equal("Hello {{ customer.first_name }}, version two.", Text(Assert.Single(rows, r => r.ClassList.Contains("ws-tpl-diff-added")).Children[^1]));

        // The confirmation waits for an answer, so the click completes only once it is given.
        var dialogs = _dialogs!;
        var rollback = ClickAsync(page, page.Find("button[aria-label='Roll back to version 1']"));
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => Text(b) == "Roll back"), Slow);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => Text(b) == "Roll back").ClickAsync(new MouseEventArgs()));
        await rollback;

        page.WaitForAssertion(() => Assert.StartsWith("Live: version 3,", Text(page.Find("[data-testid=template-status]")), StringComparison.Ordinal), Slow);
        var library = await App.Service<TemplateService>().LibraryAsync(Ct);
        var live = library.Templates.Single(t => t.Definition.Key == key);
        Assert.Equal(3, live.Version);
        Assert.Equal("Rolled back to version 1.", live.Comment);
        var (data, _) = await App.Service<TemplateService>().DataAsync("cus_0002", null, null, _ => true, null, Ct);
        var render = App.Service<TemplateService>().Render(live, library, data!, Ct);
        Assert.EndsWith(", version one.", render.Text, StringComparison.Ordinal);
        Assert.Single(await AuditAsync("template.rolled-back", $"template:{key} v3"));
    }

    [Fact]
    public async Task RunTests_RoleLostWhileOpen_RefusedAndAudited()
    {
        var page = await RenderAsLeadAsync();
        await SelectTemplateAsync(page, OnboardingKey, "Onboarding help for a failed step");
        await OpenTabAsync(page, "Test cases");
        var before = (await AuditAsync("access.refused", "template.test-run")).Count(e => e.Actor == WorkspaceApp.AgentEmail);

        await SignInAsAsync(WorkspaceApp.AgentEmail);
        await ClickAsync(page, Button(page, "Run tests"));

        Assert.Empty(page.FindAll("[data-testid=test-results]"));
        Assert.Equal(before + 1, (await AuditAsync("access.refused", "template.test-run")).Count(e => e.Actor == WorkspaceApp.AgentEmail));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
