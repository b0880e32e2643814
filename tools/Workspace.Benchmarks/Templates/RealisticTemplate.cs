using Fluid;
using Workspace.Domain.Templates;

namespace Workspace.Benchmarks.Templates;

/// <summary>
/// A realistic reply template, written once in Scriban for the Workspace engine and once in Liquid for Fluid, so
/// the two can be measured side by side. Both read the same 10 model fields (<see cref="Fields"/>), have the same
/// 6 conditional blocks in the body (on signals and on the tone) and include the same 2 library blocks, each of
/// which switches on the tone once more. Rendered against <see cref="TemplateModel.Example"/>, both produce the
/// same text; the benchmarks check that before measuring.
/// </summary>
public static class RealisticTemplate
{
    /// <summary>The model fields the template reads, body and blocks together.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "tone", "customer.first_name", "customer.company", "customer.plan", "conversation.subject",
        "signals.onboarding_percent", "signals.at_risk", "signals.repeat_contact",
        "recommendations.failed_step", "recommendations.next_onboarding_step",
    ];

    /// <summary>The two library blocks, in the engine's syntax.</summary>
    public static readonly IReadOnlyDictionary<string, string> Blocks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["greeting"] = """
            {{ if tone == "guided" }}Hi {{ customer.first_name }}, thanks for getting in touch about "{{ conversation.subject }}".{{ else }}Hi {{ customer.first_name }},{{ end }}
            """,
        ["signoff"] = """
            {{ if tone == "guided" }}If anything is unclear, just reply here and I'll walk you through it.

            Best regards,
            The support team{{ else }}Best,
            Support{{ end }}
            """,
    };

    /// <summary>
    /// The body: 6 conditional blocks (the failed step, the tone inside it, onboarding progress, the plan, the next
    /// step, and risk or repeat contact with an else-if), 2 includes, 3 filters.
    /// </summary>
    public const string Body = """
        {{ include "greeting" }}

        {{ if recommendations.failed_step }}{{ if tone == "guided" }}I can see the step "{{ recommendations.failed_step | string.replace "-" " " }}" didn't complete for {{ customer.company }}. That usually comes down to the credentials of the account used for it, so sign in again with an account that has admin rights and run it once more.{{ else }}The step "{{ recommendations.failed_step | string.replace "-" " " }}" failed; re-run it with an admin account.{{ end }}{{ end }}

        {{ if signals.onboarding_percent < 100 }}You're {{ signals.onboarding_percent }}% through onboarding{{ if customer.plan }} on {{ customer.plan }}{{ end }}.{{ if recommendations.next_onboarding_step }} Next up: {{ recommendations.next_onboarding_step | string.replace "-" " " }}.{{ end }}{{ end }}

        {{ if signals.at_risk }}I've asked your account manager to call you this week.{{ else if signals.repeat_contact }}I can see you've contacted us more than once this week, so I'll stay on this conversation until it's solved.{{ end }}

        {{ include "signoff" }}
        """;

    /// <summary>The same two blocks in Liquid, served to Fluid's <c>include</c> from memory.</summary>
    public static readonly IReadOnlyDictionary<string, string> LiquidPartials = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["greeting"] = """
            {% if tone == "guided" %}Hi {{ customer.first_name }}, thanks for getting in touch about "{{ conversation.subject }}".{% else %}Hi {{ customer.first_name }},{% endif %}
            """,
        ["signoff"] = """
            {% if tone == "guided" %}If anything is unclear, just reply here and I'll walk you through it.

            Best regards,
            The support team{% else %}Best,
            Support{% endif %}
            """,
    };

    /// <summary>The same body in Liquid.</summary>
    public const string LiquidBody = """
        {% include "greeting" %}

        {% if recommendations.failed_step %}{% if tone == "guided" %}I can see the step "{{ recommendations.failed_step | replace: "-", " " }}" didn't complete for {{ customer.company }}. That usually comes down to the credentials of the account used for it, so sign in again with an account that has admin rights and run it once more.{% else %}The step "{{ recommendations.failed_step | replace: "-", " " }}" failed; re-run it with an admin account.{% endif %}{% endif %}

        {% if signals.onboarding_percent < 100 %}You're {{ signals.onboarding_percent }}% through onboarding{% if customer.plan %} on {{ customer.plan }}{% endif %}.{% if recommendations.next_onboarding_step %} Next up: {{ recommendations.next_onboarding_step | replace: "-", " " }}.{% endif %}{% endif %}

        {% if signals.at_risk %}I've asked your account manager to call you this week.{% elsif signals.repeat_contact %}I can see you've contacted us more than once this week, so I'll stay on this conversation until it's solved.{% endif %}

        {% include "signoff" %}
        """;

    /// <summary>The Fluid parser; thread-safe and meant to be shared, as Fluid's documentation says.</summary>
    public static readonly FluidParser FluidParser = new();

    /// <summary>The Workspace template, compiled with its blocks; throws when it does not compile.</summary>
    public static CompiledTemplate CompileWorkspace()
    {
        var compilation = TemplateEngine.Compile(Body, Blocks);
        return compilation.Template
            ?? throw new InvalidOperationException("The realistic template does not compile: " + string.Join("; ", compilation.Errors));
    }

    /// <summary>The Liquid body parsed by Fluid; throws when it does not parse.</summary>
    public static IFluidTemplate ParseFluid(string source) =>
        FluidParser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException("The Liquid template does not parse: " + error);

    /// <summary>
    /// Fluid's options: the model's record types registered member by member under snake_case names (so
    /// <c>customer.first_name</c> reads <see cref="CustomerData.FirstName"/>), and the partials served from memory.
    /// </summary>
    public static TemplateOptions FluidOptions()
    {
        var options = new TemplateOptions
        {
            FileProvider = new InMemoryFileProvider(LiquidPartials),
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<TemplateData>();
        options.MemberAccessStrategy.Register<CustomerData>();
        options.MemberAccessStrategy.Register<SignalData>();
        options.MemberAccessStrategy.Register<ConversationData>();
        options.MemberAccessStrategy.Register<RecommendationData>();
        return options;
    }

    /// <summary>One Fluid render: a new context over the model, as each Workspace render builds a new context and model.</summary>
    public static string RenderFluid(IFluidTemplate template, TemplateData data, TemplateOptions options) =>
        template.Render(new TemplateContext(data, options));

    /// <summary>
    /// Renders both with <paramref name="data"/> and throws unless the texts are identical, character for
    /// character (no whitespace normalisation is needed: both engines keep the template's text as written).
    /// </summary>
    public static string CheckSameOutput(CompiledTemplate workspace, IFluidTemplate fluid, TemplateOptions options, TemplateData data)
    {
        var ours = TemplateEngine.Render(workspace, data);
        if (ours.Text is not { } text)
        {
            throw new InvalidOperationException("The realistic template failed to render: " + string.Join("; ", ours.Errors));
        }
        var theirs = RenderFluid(fluid, data, options);
        if (!string.Equals(text, theirs, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The engines' outputs differ.\n--- Workspace ---\n{text}\n--- Fluid ---\n{theirs}\n---");
        }
        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The rendered text still holds template syntax:\n" + text);
        }
        return text;
    }
}
