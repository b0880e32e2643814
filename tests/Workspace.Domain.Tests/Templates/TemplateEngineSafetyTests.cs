using Workspace.Domain.Templates;

namespace Workspace.Domain.Tests.Templates;

/// <summary>
/// Hostile templates. Each must end in a clear error (at compile or at render) and never in an exception,
/// a crash or partial text; afterwards the process still renders, and the model renders as before.
/// Timing is not asserted here: the 50 ms target is measured by the benchmarks.
/// </summary>
public class TemplateEngineSafetyTests
{
    private static readonly IReadOnlyDictionary<string, string> HostileBlocks = new Dictionary<string, string>(SampleTemplates.Blocks, StringComparer.Ordinal)
    {
        ["self"] = "again {{ include 'self' }}",
        ["ping"] = "ping {{ include 'pong' }}",
        ["pong"] = "pong {{ include 'ping' }}",
        ["overwrite"] = "{{ customer.name = 'Mallory' }}",
    };

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, string> Catalogue => new()
    {
        { "huge range loop", "{{ for i in 1..100000000 }}x{{ end }}" },
        { "huge range into a builtin", "{{ (1..100000000) | array.size }}" },
        { "huge range kept in a variable", "{{ x = 1..100000000 }}ok" },
        { "string multiplication", "{{ \"x\" * 100000000 }}" },
        { "array multiplication", "{{ [1,2,3] * 100000000 }}" },
        { "endless while", "{{ while true }}{{ end }}" },
        { "nested loops within the per-loop limit", "{{ for i in 1..999 }}{{ for j in 1..999 }}{{ end }}{{ end }}" },
        { "block that includes itself", "{{ include 'self' }}" },
        { "blocks that include each other", "{{ include 'ping' }}" },
        { "recursion without includes", "{{ func f; ret f; end; f }}" },
        { "recursion with an argument", "{{ func f(n); ret f(n + 1); end; f 1 }}" },
        { "exponential calls within the depth limit", "{{ func f(n); if n > 0; f(n - 1); f(n - 1); end; end; f 19 }}" },
        { "10,000 nested parentheses", "{{ " + Repeat("(", 5_000) + "1" + Repeat(")", 5_000) + " }}" },
        { "10,000 unclosed parentheses", "{{ " + Repeat("(", 10_000) + "1 }}" },
        { "nested parentheses past the limit", "{{ " + Repeat("(", 100) + "1" + Repeat(")", 100) + " }}" },
        { "parentheses with end statements between them", "{{ " + Repeat("((\nend\n", 2_000) + "1 }}" },
        { "nested arrays", "{{ " + Repeat("[", 3_000) + "1" + Repeat("]", 3_000) + " }}" },
        { "nested objects", "{{ " + Repeat("{a:", 2_000) + "1" + Repeat("}", 2_000) + " }}" },
        { "nested ifs", Repeat("{{ if true }}", 1_000) + Repeat("{{ end }}", 1_000) },
        { "nested functions with default parameters", "{{ " + Repeat("func f(x = 1)\n", 500) + Repeat("end\n", 500) + "}}" },
        { "long unary chain", "{{ " + Repeat("- ", 5_000) + "1 }}" },
        { "long binary chain", "{{ " + Repeat("1 + ", 4_000) + "1 }}" },
        { "source over the length limit", new string('x', TemplateLimits.MaxSourceLength + 1) },
        { "assign to a model field", "{{ customer.name = \"x\" }}" },
        { "assign to the tone", "{{ tone = \"guided\" }}" },
        { "replace a model object", "{{ customer = {name: 'Mallory'} }}" },
        { "assign through this", "{{ this.tone = 'guided' }}" },
        { "add a field to a model object", "{{ with customer }}{{ vip = true }}{{ end }}" },
        { "replace a model list item", "{{ signals.failed_steps[0] = 'nothing' }}" },
        { "assign inside an included block", "{{ include 'overwrite' }}" },
        { "reach the .NET type of a value", "{{ customer.name.GetType }}" },
        { "reach the .NET assembly", "{{ \"\".GetType().Assembly }}" },
        { "reach a .NET member in snake case", "{{ customer.name.get_type }}" },
        { "reach .NET members of a date", "{{ (conversation.opened_at | date.parse).year }}" },
        { "name a type", "{{ object.typeof customer }}" },
        { "evaluate text as a template", "{{ object.eval_template '{{ 7 * 7 }}' }}" },
        { "include a relative path", "{{ include \"../../../etc/passwd\" }}" },
        { "include an absolute path", "{{ include \"/etc/passwd\" }}" },
        { "include a path through a function pointer", "{{ f = @include; f \"../../../etc/passwd\" }}" },
        { "include a computed path", "{{ include ('../' + 'etc/passwd') }}" },
        { "many small writes past the output cap", "{{ for i in 1..900 }}{{ \"0123456789\" * 10 }}{{ end }}" },
        { "captured text past the output cap", "{{ capture c }}{{ for i in 1..999 }}{{ 'x' * 1000 }}{{ end }}{{ end }}" },
        { "string doubling", "{{ a = 'x' * 10000; b = a + a; c = b + b; d = c + c }}" },
        { "huge padding", "{{ string.pad_left \"x\" 100000000 }}" },
        { "regex backtracking", "{{ regex.match ('a' * 30 + '!') '^(a+)+$' }}" },
        { "clock", "{{ date.now }}" },
        { "date out of range", "{{ conversation.opened_at | date.parse | date.add_days 100000000 }}" },
        { "huge integer", "{{ x = 1 << 1000000; 1 }}" },
        { "integer squaring", "{{ x = 2; for i in 1..40; x = x * x; end; 1 }}" },
        { "hashing in a loop", "{{ for i in 1..999 }}{{ ('a' * 19000) | string.sha256 }}{{ end }}" },
        { "self-referencing array", "{{ a = [1]; a[0] = a; a }}" },
        { "large strings in a loop", "{{ for i in 1..999 }}{{ x = 'a' * 19999 }}{{ end }}" },
        { "array of large strings", "{{ a = []; for i in 1..999; a = a + [('x' * 19990) + i]; end; a | array.sort | array.size }}" },
        { "unknown variable", "{{ secret_key }}" },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void HostileTemplate_EndsInAnError_AndTheModelRendersAsBefore(string threat, string body)
    {
        var benign = SampleTemplates.Compile(SampleTemplates.Onboarding);
        var before = TemplateEngine.Render(benign, TemplateModel.Example, TestContext.Current.CancellationToken).Text;

        var errors = CompileAndRender(body, out var text);

        Assert.True(errors.Count > 0, $"{threat}: expected an error, got text of {text?.Length} characters");
        Assert.Null(text);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message), threat));
        Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Column >= 1, $"{threat}: {e}"));
        Assert.Equal(before, TemplateEngine.Render(benign, TemplateModel.Example, TestContext.Current.CancellationToken).Text);
    }

    [Fact]
    public void AfterTheWholeCatalogue_TheProcessStillRendersNormally()
    {
        foreach (var row in Catalogue)
        {
            CompileAndRender(row.Data.Item2, out _);
        }

        Assert.StartsWith("Hi Priya", SampleTemplates.Text(SampleTemplates.Onboarding));
    }

    [Fact]
    public void AssignToCustomerName_FailsAndALaterRenderShowsTheRealName()
    {
        var compiled = SampleTemplates.Compile("{{ customer.name = 'Mallory' }}{{ customer.name }}");

        var result = TemplateEngine.Render(compiled, TemplateModel.Example, TestContext.Current.CancellationToken);

        Assert.Equal(new TemplateError(1, 13, "Cannot set a value for the readonly member: customer.name"), Assert.Single(result.Errors));
        Assert.Equal("Priya Sharma", SampleTemplates.Text("{{ customer.name }}"));
        Assert.Equal("Priya Sharma", TemplateModel.Example.Customer.Name);
    }

    [Fact]
    public void AssignToTone_FailsWithTheReason() =>
        Assert.Equal("Cannot set the readonly variable `tone`", Assert.Single(SampleTemplates.Render("{{ tone = \"guided\" }}").Errors).Message);

    [Fact]
    public void TemplateVariables_AreAllowedAndLiveOnlyForTheirRender()
    {
        Assert.Equal("Hi Priya / 7", SampleTemplates.Text("{{ leak = 'Hi ' + customer.first_name; string = 7 }}{{ leak }} / {{ string }}"));

        var later = SampleTemplates.Render("{{ leak }}{{ string.upcase 'still a builtin' }}");

        Assert.Equal("The variable or function `leak` was not found", Assert.Single(later.Errors).Message);
        Assert.Equal("STILL A BUILTIN", SampleTemplates.Text("{{ string.upcase 'still a builtin' }}"));
    }

    [Fact]
    public void ManySmallWrites_StopAtTheOutputCapWithItsReason()
    {
        var error = Assert.Single(SampleTemplates.Render("{{ for i in 1..900 }}{{ \"0123456789\" * 10 }}{{ end }}").Errors);

        Assert.Equal("The message would be longer than 20,000 characters; the template was stopped here.", error.Message);
    }

    [Fact]
    public void JustUnderTheOutputCap_Renders() =>
        Assert.Equal(TemplateLimits.MaxOutputLength, SampleTemplates.Text("{{ for i in 1..200 }}{{ \"0123456789\" * 10 }}{{ end }}").Length);

    [Fact]
    public void ExponentialCalls_StopAtTheTimeBudget() =>
        Assert.Equal("The template took longer than 40 ms to render and was stopped.",
            Assert.Single(SampleTemplates.Render("{{ func f(n); if n > 0; f(n - 1); f(n - 1); end; end; f 19 }}").Errors).Message);

    [Fact]
    public void LargeAllocations_StopAtTheMemoryBudget() =>
        Assert.Equal("The template used more than 16 MB of memory to render and was stopped.",
            Assert.Single(SampleTemplates.Render("{{ for i in 1..999 }}{{ x = 'a' * 19999 }}{{ end }}").Errors).Message);

    [Fact]
    public void DeepNesting_IsRefusedBeforeParsingAtTheTokenThatGoesTooDeep()
    {
        var errors = TemplateEngine.Compile("line one\n{{ x = " + Repeat("(", 10_000) + " }}", SampleTemplates.Blocks).Errors;

        Assert.Equal(new TemplateError(2, 8 + TemplateLimits.MaxNesting, "The template nests blocks, brackets or parentheses more than 64 levels deep."), Assert.Single(errors));
    }

    [Fact]
    public void IncludeOutsideTheLibrary_SaysThereIsNoSuchBlock() =>
        Assert.Equal("There is no block named '../../../etc/passwd' in the template library.",
            Assert.Single(TemplateEngine.Compile("{{ include \"../../../etc/passwd\" }}", SampleTemplates.Blocks).Errors).Message);

    [Fact]
    public void SelfInclude_NamesTheCycle() =>
        Assert.Equal("Block 'ping' includes itself: ping → pong → ping.",
            Assert.Single(TemplateEngine.Compile("{{ include 'ping' }}", HostileBlocks).Errors).Message);

    [Fact]
    public void LongChainOfIncludes_IsRefusedAtTheRecursionLimit()
    {
        var chain = Enumerable.Range(0, 30).ToDictionary(i => $"b{i}", i => i < 29 ? $"{{{{ include 'b{i + 1}' }}}}" : "end", StringComparer.Ordinal);

        var error = Assert.Single(TemplateEngine.Compile("{{ include 'b0' }}", chain).Errors);

        Assert.StartsWith("Blocks include blocks more than 20 levels deep: b0 → b1 →", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeNames_NeverAppearInErrors()
    {
        foreach (var body in new[] { "{{ customer.name.GetType }}", "{{ (conversation.opened_at | date.parse).year }}", "{{ x = 1 << 1000000; 1 }}", "{{ object.typeof customer }}" })
        {
            var message = string.Join(" ", CompileAndRender(body, out _).Select(e => e.Message));
            Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
            Assert.DoesNotContain("DateTime", message, StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<TemplateError> CompileAndRender(string body, out string? text)
    {
        text = null;
        var compilation = TemplateEngine.Compile(body, HostileBlocks);
        if (compilation.Template is not { } template)
        {
            return compilation.Errors;
        }
        var result = TemplateEngine.Render(template, TemplateModel.Example, TestContext.Current.CancellationToken);
        text = result.Text;
        return result.Errors;
    }
}
