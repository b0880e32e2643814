using Workspace.Domain.Templates;

namespace Workspace.Domain.Tests.Templates;

public class TemplateEngineTests
{
    private static readonly Dictionary<string, string> NoBlocks = new(StringComparer.Ordinal);

    [Fact]
    public void Render_DynamicFields_FillsTheCustomersValues() =>
        Assert.Equal("Priya Sharma of Northwind Logistics (Pro, score 62) about \"Data source won't connect\" with Maya",
            SampleTemplates.Text("""{{ customer.name }} of {{ customer.company }} ({{ customer.tier }}, score {{ signals.value_score }}) about "{{ conversation.subject }}" with {{ agent.first_name }}"""));

    [Fact]
    public void Render_ListsAndTheirItems_LoopIndexAndJoin()
    {
        var text = SampleTemplates.Text("""
            {{ for link in recommendations.knowledge_links }}{{ for.index + 1 }}. {{ link.title }}: {{ link.url }}{{ end }}
            {{ segments | array.map "name" | array.join ", " }} / {{ signals.features_not_used.size }} unused / first: {{ segments[0].key }}
            """);

        Assert.Equal("1. Connecting a data source: https://help.example.com/articles/connect-data-source\nNew Pro accounts, EMEA / 2 unused / first: new-pro", text);
    }

    [Theory]
    [InlineData(true, "At risk: we'll call you.")]
    [InlineData(false, "All good.")]
    public void Render_IfElseOnASignal_TakesTheMatchingBranch(bool atRisk, string expected)
    {
        var data = TemplateModel.Example with { Signals = TemplateModel.Example.Signals with { AtRisk = atRisk } };

        Assert.Equal(expected, SampleTemplates.Text("{{ if signals.at_risk }}At risk: we'll call you.{{ else }}All good.{{ end }}", data));
    }

    [Fact]
    public void Render_OptionalBlockWithoutData_LeavesNoGapOrBlankLines()
    {
        var data = TemplateModel.Example with { Recommendations = TemplateModel.Example.Recommendations with { FailedStep = null, UnusedFeature = null } };

        var text = SampleTemplates.Text(SampleTemplates.Onboarding, data);

        Assert.DoesNotContain("didn't complete", text);
        Assert.DoesNotContain("Tip:", text);
        Assert.DoesNotContain("\n\n\n", text);
        Assert.StartsWith("Hi Priya", text);
        Assert.EndsWith("Maya Chen", text);
    }

    [Fact]
    public void Render_GuidedTone_SpeaksStepByStep() =>
        Assert.Equal("""
            Hi Priya, thanks for getting in touch. I'm Maya and I'll go through this with you step by step.

            I can see the step "connect data source" didn't complete. Sign in again with an admin account and run it once more. Next: invite team.

            You're on the Pro annual plan (Pro). Tip: Northwind Logistics hasn't tried alerts yet.

            If anything is unclear, just reply here.

            Best regards,
            Maya Chen
            """, SampleTemplates.Text(SampleTemplates.Onboarding, SampleTemplates.WithTone("guided")));

    [Fact]
    public void Render_ConciseTone_IsShort() =>
        Assert.Equal("""
            Hi Priya,

            The step "connect data source" failed: re-run it with an admin account. Next: invite team.

            You're on the Pro annual plan (Pro). Tip: Northwind Logistics hasn't tried alerts yet.

            Best,
            Maya
            """, SampleTemplates.Text(SampleTemplates.Onboarding, SampleTemplates.WithTone("concise")));

    [Theory]
    [InlineData("Guided", "guided")]
    [InlineData("concise", "concise")]
    [InlineData("something else", "concise")]
    public void Render_Tone_IsNormalisedToTheTwoNames(string given, string seen) =>
        Assert.Equal(seen, SampleTemplates.Text("{{ tone }}", SampleTemplates.WithTone(given)));

    [Fact]
    public void Render_NoAgentOrConversation_TheyAreEmptyAndTestable() =>
        Assert.Equal("Support / proactive",
            SampleTemplates.Text("{{ if agent }}{{ agent.name }}{{ else }}Support{{ end }} / {{ if conversation }}reply{{ else }}proactive{{ end }}",
                TemplateModel.Example with { Agent = null, Conversation = null }));

    [Fact]
    public void Render_IncludesBlocksThroughOtherBlocks()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal) { ["outer"] = "[{{ include 'inner' }}]", ["inner"] = "{{ customer.first_name }}" };

        var compiled = SampleTemplates.Compile("{{ include 'outer' }} and {{ 'inner' | include }}", blocks);

        Assert.Equal(["inner", "outer"], compiled.IncludedBlocks);
        Assert.Equal("[Priya] and Priya", TemplateEngine.Render(compiled, TemplateModel.Example, TestContext.Current.CancellationToken).Text);
    }

    [Fact]
    public void Render_NothingApplies_IsAnErrorNotABlankMessage()
    {
        var result = SampleTemplates.Render("{{ if signals.at_risk }}Sorry about the trouble.{{ end }}\n\n   \n");

        Assert.Null(result.Text);
        Assert.Equal(TemplateEngine.EmptyMessage, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Render_CustomerTextThatLooksLikeTemplateCode_IsWrittenVerbatim()
    {
        const string hostileName = "{{ 7*7 }} <script>alert('x')</script> {% raw %}";
        var data = TemplateModel.Example with { Customer = TemplateModel.Example.Customer with { Name = hostileName, FirstName = "{{ customer.email }}" } };

        Assert.Equal($"Dear {hostileName} / {{{{ customer.email }}}}", SampleTemplates.Text("Dear {{ customer.name }} / {{ customer.first_name }}", data));
    }

    [Fact]
    public void Render_DateOfTheConversation_CanBeFormatted() =>
        Assert.Equal("04 May 2026", SampleTemplates.Text("""{{ conversation.opened_at | date.parse | date.to_string "%d %b %Y" }}"""));

    [Fact]
    public void Render_SameCompiledTemplateConcurrently_EveryRenderIsWhole()
    {
        var compiled = SampleTemplates.Compile(SampleTemplates.Onboarding);
        var expected = TemplateEngine.Render(compiled, TemplateModel.Example, TestContext.Current.CancellationToken).Text;

        var texts = new string?[200];
        Parallel.For(0, texts.Length, new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken },
            i =>
            {
                var r = TemplateEngine.Render(compiled, TemplateModel.Example, TestContext.Current.CancellationToken);
                texts[i] = r.Text ?? string.Join("; ", r.Errors);
            });

        Assert.All(texts, text => Assert.Equal(expected, text));
    }

    [Fact]
    public void Render_CancelledBeforehand_Throws()
    {
        var compiled = SampleTemplates.Compile("Hello");

        Assert.Throws<OperationCanceledException>(() => TemplateEngine.Render(compiled, TemplateModel.Example, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Render_CancelledWhileRunning_ThrowsInsteadOfReturningAnError()
    {
        // Runs for seconds if nothing stops it; the caller's cancellation comes first.
        var compiled = SampleTemplates.Compile("{{ func f(n); if n > 0; f(n - 1); f(n - 1); end; end; f 19 }}");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(5));

        Assert.ThrowsAny<OperationCanceledException>(() => TemplateEngine.Render(compiled, TemplateModel.Example, cancel.Token));
    }

    [Fact]
    public void Compile_IfWithoutCondition_ErrorAtTheExactLineAndColumn()
    {
        var compilation = TemplateEngine.Compile("Hello,\n\n   {{ if }}\nBye", NoBlocks);

        Assert.False(compilation.Succeeded);
        var error = compilation.Errors[0];
        // Line 3; the `if` starts at column 7 and Scriban points at what it found instead of a condition, `}}` at column 10.
        Assert.Equal((3, 10), (error.Line, error.Column));
        Assert.Contains("Expecting <expression> instead of `}}`", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Block);
    }

    [Fact]
    public void Compile_EndWithoutBlock_ErrorOnItsLine() =>
        Assert.Equal(2, TemplateEngine.Compile("Hi {{ customer.name }}\n{{ end }}", NoBlocks).Errors[0].Line);

    [Fact]
    public void Compile_ErrorInsideAnIncludedBlock_NamesTheBlockAndPositionInIt()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal) { ["broken"] = "fine\nstill fine\n  {{ for }}" };

        var error = Assert.Single(TemplateEngine.Compile("x\n{{ include 'broken' }}", blocks).Errors, e => e.Block == "broken");

        Assert.Equal(3, error.Line);
        Assert.Contains("for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_IncludeOfAMissingBlock_ErrorAtTheName()
    {
        var error = Assert.Single(TemplateEngine.Compile("Hi\n  {{ include \"gone\" }}", SampleTemplates.Blocks).Errors);

        Assert.Equal(new TemplateError(2, 14, "There is no block named 'gone' in the template library."), error);
    }

    [Theory]
    [InlineData("{{ include }}")]
    [InlineData("{{ include customer.name }}")]
    [InlineData("{{ name = 'greeting'; include name }}")]
    [InlineData("{{ x = @include }}")]
    [InlineData("{{ customer.first_name | include }}")]
    public void Compile_IncludeWithoutAQuotedBlockName_IsRefused(string body) =>
        Assert.Contains(TemplateEngine.Compile(body, SampleTemplates.Blocks).Errors, e => e.Message.StartsWith("include takes the name of a library block in quotes", StringComparison.Ordinal));

    [Fact]
    public void Compile_UnusedBrokenBlockInTheLibrary_DoesNotBreakTheTemplate()
    {
        var blocks = new Dictionary<string, string>(SampleTemplates.Blocks, StringComparer.Ordinal) { ["broken"] = "{{ if }}" };

        Assert.True(TemplateEngine.Compile("{{ include 'greeting' }}", blocks).Succeeded);
    }

    [Fact]
    public void Compile_AtTheNestingLimit_Renders()
    {
        var nested = string.Concat(Enumerable.Repeat("{{ if true }}", TemplateLimits.MaxNesting / 2)) + "{{ " + new string('(', TemplateLimits.MaxNesting / 2) + "1"
            + new string(')', TemplateLimits.MaxNesting / 2) + " }}" + string.Concat(Enumerable.Repeat("{{ end }}", TemplateLimits.MaxNesting / 2));

        Assert.Equal("1", SampleTemplates.Text(nested));
    }

    [Fact]
    public void Compile_ManyOneLineFunctionsAndElseIfs_DoNotCountAsNesting()
    {
        var functions = string.Concat(Enumerable.Range(0, 100).Select(i => $"{{{{ f{i}(x) = x + {i} }}}}"));
        var branches = "{{ if false }}a" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{{{{ else if false }}}}{i}")) + "{{ else }}last{{ end }}";

        Assert.Equal("100 last", SampleTemplates.Text(functions + "{{ f99 1 }} " + branches));
    }

    [Fact]
    public void Render_UnknownVariableOrField_IsAnErrorNotAGap()
    {
        var result = SampleTemplates.Render("Hi {{ customer.first_nme }},\nyour {{ plan_name }}");

        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Equal((1, 16), (result.Errors[0].Line, result.Errors[0].Column));
    }

    [Fact]
    public void Render_ErrorInAnIncludedBlock_NamesTheBlock()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal) { ["sig"] = "Best,\n{{ agent.nickname }}" };

        var error = Assert.Single(SampleTemplates.Render("Hello\n{{ include 'sig' }}", blocks: blocks).Errors);

        Assert.Equal(new TemplateError(2, 10, "Cannot get member with name nickname.", "sig"), error);
    }

    [Fact]
    public void Render_FieldOfAMissingConversation_IsAnErrorNotAGap() =>
        Assert.False(SampleTemplates.Render("About {{ conversation.subject }}", TemplateModel.Example with { Conversation = null }).Succeeded);

    [Fact]
    public void GetOrCompile_SameKey_ParsesOnceAndReusesIt()
    {
        var engine = new TemplateEngine();

        var first = engine.GetOrCompile("welcome@1", SampleTemplates.Onboarding, SampleTemplates.Blocks);
        var second = engine.GetOrCompile("welcome@1", "ignored: the key says it is the same version", SampleTemplates.Blocks);

        Assert.Same(first, second);
        Assert.Same(first.Template, second.Template);
        Assert.Equal(1, engine.CachedCount);
    }

    [Fact]
    public void GetOrCompile_MoreVersionsThanTheCapacity_DropsTheOldest()
    {
        var engine = new TemplateEngine(cacheCapacity: 2);

        var oldest = engine.GetOrCompile("t@1", "one", SampleTemplates.Blocks);
        engine.GetOrCompile("t@2", "two", SampleTemplates.Blocks);
        engine.GetOrCompile("t@3", "three", SampleTemplates.Blocks);

        Assert.Equal(2, engine.CachedCount);
        Assert.NotSame(oldest, engine.GetOrCompile("t@1", "one", SampleTemplates.Blocks));
    }

    [Fact]
    public void RenderByKey_TemplateThatDoesNotCompile_ReturnsTheCompileErrors()
    {
        var result = new TemplateEngine().Render("bad@1", "{{ if }}", SampleTemplates.Blocks, TemplateModel.Example, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Errors[0].Line);
    }
}
