using Workspace.Domain.Templates;

namespace Workspace.Domain.Tests.Templates;

/// <summary>A small library like the one leads write: a greeting and a sign-off in both tones, and a realistic template that uses them.</summary>
internal static class SampleTemplates
{
    public static readonly IReadOnlyDictionary<string, string> Blocks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["greeting"] = """{{ if tone == "guided" }}Hi {{ customer.first_name }}, thanks for getting in touch{{ if agent }}. I'm {{ agent.first_name }} and I'll go through this with you step by step{{ end }}.{{ else }}Hi {{ customer.first_name }},{{ end }}""",
        ["signoff"] = """
            {{ if tone == "guided" }}If anything is unclear, just reply here.

            Best regards,
            {{ if agent }}{{ agent.name }}{{ else }}The support team{{ end }}{{ else }}Best,
            {{ if agent }}{{ agent.first_name }}{{ else }}Support{{ end }}{{ end }}
            """,
    };

    /// <summary>Ten fields, six conditional blocks, two includes: the shape the render target is measured on.</summary>
    public const string Onboarding = """
        {{ include "greeting" }}

        {{ if recommendations.failed_step }}{{ if tone == "guided" }}I can see the step "{{ recommendations.failed_step | string.replace "-" " " }}" didn't complete. Sign in again with an admin account and run it once more.{{ else }}The step "{{ recommendations.failed_step | string.replace "-" " " }}" failed: re-run it with an admin account.{{ end }}{{ if recommendations.next_onboarding_step }} Next: {{ recommendations.next_onboarding_step | string.replace "-" " " }}.{{ end }}{{ end }}

        {{ if signals.at_risk }}I'm sorry for the trouble lately; I've flagged your account for a check-in.{{ end }}

        {{ if customer.plan }}You're on the {{ customer.plan }} plan ({{ customer.tier }}).{{ end }}{{ if recommendations.unused_feature }} Tip: {{ customer.company }} hasn't tried {{ recommendations.unused_feature }} yet.{{ end }}

        {{ include "signoff" }}
        """;

    public static CompiledTemplate Compile(string body, IReadOnlyDictionary<string, string>? blocks = null)
    {
        var compilation = TemplateEngine.Compile(body, blocks ?? Blocks);
        Assert.True(compilation.Succeeded, string.Join(Environment.NewLine, compilation.Errors));
        return compilation.Template!;
    }

    public static TemplateResult Render(string body, TemplateData? data = null, IReadOnlyDictionary<string, string>? blocks = null) =>
        TemplateEngine.Render(Compile(body, blocks), data ?? TemplateModel.Example, TestContext.Current.CancellationToken);

    public static string Text(string body, TemplateData? data = null, IReadOnlyDictionary<string, string>? blocks = null)
    {
        var result = Render(body, data, blocks);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Text!;
    }

    public static TemplateData WithTone(string tone) => TemplateModel.Example with { Tone = tone };
}
