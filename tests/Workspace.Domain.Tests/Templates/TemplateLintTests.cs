using Workspace.Domain.Templates;

namespace Workspace.Domain.Tests.Templates;

public class TemplateLintTests
{
    private static IReadOnlyList<TemplateWarning> Lint(string body, IReadOnlyDictionary<string, string>? blocks = null, TemplateData? customer = null, params string[] required) =>
        TemplateLint.Lint(body, blocks ?? SampleTemplates.Blocks, customer, required);

    [Fact]
    public void Lint_RealisticTemplate_HasNothingToSay() =>
        Assert.Empty(Lint(SampleTemplates.Onboarding, customer: TemplateModel.Example, required: ["recommendations.failed_step", "customer.first_name"]));

    [Fact]
    public void Lint_UnknownVariable_AtItsPosition()
    {
        var warning = Assert.Single(Lint("Hello\n  {{ customer_name }}"));

        Assert.Equal((TemplateWarningKind.UnknownVariable, 2, 6), (warning.Kind, warning.Line, warning.Column));
        Assert.StartsWith("Unknown variable 'customer_name'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_UnknownField_NamesTheFieldsThatExist()
    {
        var warning = Assert.Single(Lint("{{ customer.frist_name }}"));

        Assert.Equal((TemplateWarningKind.UnknownVariable, 1, 13), (warning.Kind, warning.Line, warning.Column));
        Assert.Equal("Unknown field 'customer.frist_name': the template model has name, first_name, company, tier, plan, locale, email, experience_level here.", warning.Message);
    }

    [Fact]
    public void Lint_WhatTheTemplateDefinesItself_IsKnown() =>
        Assert.Empty(Lint("""
            {{ greeting = "Hi" }}{{ greeting }}
            {{ capture sign }}Bye{{ end }}{{ sign }}
            {{ func shout(text); ret text | string.upcase; end }}{{ shout customer.first_name }}
            {{ for step in signals.failed_steps }}{{ for.index }} {{ step | string.capitalize }} {{ step.size }}{{ end }}
            {{ with customer }}{{ name }}{{ end }}
            {{ if signals.features_used == empty }}{{ $0 }}{{ end }}
            """));

    [Fact]
    public void Lint_LoopVariableOverAModelList_ChecksItsItemFields()
    {
        var warning = Assert.Single(Lint("{{ for link in recommendations.knowledge_links }}{{ link.title }}: {{ link.href }}{{ end }}"));

        Assert.Equal("Unknown field 'link.href': the template model has title, url here.", warning.Message);
    }

    [Fact]
    public void Lint_IndexedListItem_ChecksItsFields() =>
        Assert.Equal("Unknown field 'segments[…].label': the template model has key, name here.", Assert.Single(Lint("{{ segments[0].name }} {{ segments[0].label }}")).Message);

    [Fact]
    public void Lint_FunctionNotOnTheAllowList_IsNamed()
    {
        var warning = Assert.Single(Lint("{{ customer.name | string.pad_left 40 }}"));

        Assert.Equal(TemplateWarningKind.UnknownFunction, warning.Kind);
        Assert.StartsWith("string.pad_left is not one of the functions templates may use", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_IncludeOfABlockThatDoesNotExist_AtTheName()
    {
        var warning = Assert.Single(Lint("{{ include 'greeting' }}\n{{ include 'farewell' }}"));

        Assert.Equal(new TemplateWarning(TemplateWarningKind.UnknownBlock, 2, 12, "There is no block named 'farewell' in the template library."), warning);
    }

    [Fact]
    public void Lint_ProblemsInsideAnIncludedBlock_NameTheBlock()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal) { ["sig"] = "Best,\n{{ agent.nick }}" };

        var warning = Assert.Single(Lint("{{ include 'sig' }}", blocks));

        Assert.Equal((TemplateWarningKind.UnknownVariable, 2, 10, "sig"), (warning.Kind, warning.Line, warning.Column, warning.Block));
    }

    [Fact]
    public void Lint_VariableSetByTheTemplateAndReadInItsBlock_IsKnown()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal) { ["line"] = "{{ topic }}" };

        Assert.Empty(Lint("{{ topic = 'billing' }}{{ include 'line' }}", blocks));
    }

    [Fact]
    public void Lint_SyntaxError_IsAWarningWithItsPosition()
    {
        var warnings = Lint("ok\n{{ if }}");

        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal((TemplateWarningKind.Syntax, 2), (w.Kind, w.Line)));
        Assert.Equal(7, warnings[0].Column);
    }

    [Fact]
    public void Lint_RequiredDataTheCustomerLacks_PointsAtWhereItIsUsed()
    {
        var customer = TemplateModel.Example with { Recommendations = TemplateModel.Example.Recommendations with { FailedStep = null } };

        var warning = Assert.Single(Lint("Hi\n\nStep: {{ recommendations.failed_step }}", customer: customer, required: "recommendations.failed_step"));

        Assert.Equal(new TemplateWarning(TemplateWarningKind.MissingData, 3, 10,
            "This customer has no recommendations.failed_step, which the template requires: it cannot be used for them."), warning);
    }

    [Fact]
    public void Lint_RequiredDataThatIsNotAField_IsFlagged() =>
        Assert.Equal(TemplateWarningKind.UnknownRequiredData, Assert.Single(Lint("Hi", required: "customer.shoe_size")).Kind);

    [Fact]
    public void Missing_EmptyValues_AreMissing_ZeroAndFalseAreNot()
    {
        var data = TemplateModel.Example with
        {
            Customer = TemplateModel.Example.Customer with { Company = "  " },
            Signals = TemplateModel.Example.Signals with { FailedSteps = [], OpenIssues = 0, AtRisk = false, LastCsat = null },
            Conversation = null,
        };

        var missing = TemplateLint.Missing(data,
            ["customer.company", "signals.failed_steps", "signals.open_issues", "signals.at_risk", "signals.last_csat", "conversation.subject", "customer.first_name", "nonsense"]);

        Assert.Equal(["customer.company", "signals.failed_steps", "signals.last_csat", "conversation.subject", "nonsense"], missing);
    }

    [Fact]
    public void Missing_ListItemField_PresentWhenAnyItemHasIt()
    {
        Assert.Empty(TemplateLint.Missing(TemplateModel.Example, ["segments[].name"]));
        Assert.Equal(["segments[].name"], TemplateLint.Missing(TemplateModel.Example with { Segments = [] }, ["segments[].name"]));
    }

    [Fact]
    public void UnusedBlocks_BlocksNoTemplateReaches_DirectlyOrThroughABlock()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["greeting"] = "Hi {{ include 'name' }}",
            ["name"] = "{{ customer.first_name }}",
            ["signoff"] = "Bye",
            ["legacy"] = "{{ include 'signoff' }}",
            ["orphan"] = "unused",
        };

        Assert.Equal(["legacy", "orphan"], TemplateLint.UnusedBlocks(["{{ include 'greeting' }}", "{{ 'signoff' | include }}", "{{ if }}"], blocks));
    }
}
