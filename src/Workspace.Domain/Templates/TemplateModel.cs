using System.Collections.Frozen;
using System.Globalization;
using Scriban.Runtime;

namespace Workspace.Domain.Templates;

/// <summary>
/// The template model: the only thing a template can read. <see cref="Build"/> turns <see cref="TemplateData"/>
/// into a fresh tree of Scriban script objects holding nothing but text, numbers, yes/no values, lists and
/// nested objects, never a .NET object. Every field is read-only to templates (assigning to
/// <c>customer.name</c> or <c>tone</c> is an error); a template may still create variables of its own, which
/// live and die with its render. <see cref="Reference"/> documents each field for the leads' reference page.
/// </summary>
public static class TemplateModel
{
    /// <summary>The top-level names of the model.</summary>
    public static readonly IReadOnlyList<string> Roots = ["customer", "signals", "lifecycle", "segments", "conversation", "agent", "recommendations", "tone"];

    private static readonly (string Path, TemplateFieldKind Kind, string Description)[] Fields =
    [
        ("customer", TemplateFieldKind.Group, "The customer's profile. Fields the viewer may not see hold the mask (e.g. p•••@•••.com), never the value."),
        ("customer.name", TemplateFieldKind.Text, "Full name."),
        ("customer.first_name", TemplateFieldKind.Text, "First name, for greetings."),
        ("customer.company", TemplateFieldKind.Text, "Company; empty when unknown."),
        ("customer.tier", TemplateFieldKind.Text, "Commercial tier: Free, Starter, Pro or Enterprise."),
        ("customer.plan", TemplateFieldKind.Text, "Plan name; empty when unknown."),
        ("customer.locale", TemplateFieldKind.Text, "Locale such as en-GB; empty when unknown."),
        ("customer.email", TemplateFieldKind.Text, "Email address, masked unless the viewer may see it; empty when unknown."),
        ("customer.experience_level", TemplateFieldKind.Text, "New, Intermediate or Expert."),
        ("signals", TemplateFieldKind.Group, "What the customer's activity says, as the context panel shows it."),
        ("signals.value_score", TemplateFieldKind.Number, "Value score from 0 to 100; empty when the viewer may not see ARR and lifetime value."),
        ("signals.lifecycle_stage", TemplateFieldKind.Text, "Onboarding, Adoption, Maturity or Retention."),
        ("signals.at_risk", TemplateFieldKind.YesNo, "Whether the customer is at risk of churning."),
        ("signals.onboarding_percent", TemplateFieldKind.Number, "Share of onboarding steps done, 0 to 100."),
        ("signals.failed_steps", TemplateFieldKind.TextList, "Onboarding steps that failed."),
        ("signals.next_onboarding_step", TemplateFieldKind.Text, "The next onboarding step not done yet; empty when onboarding is complete."),
        ("signals.activity_trend", TemplateFieldKind.Text, "Activity against the usual week: Rising, Steady, Declining, Sharp drop, New activity or No activity."),
        ("signals.features_used", TemplateFieldKind.TextList, "Product features the customer uses."),
        ("signals.features_not_used", TemplateFieldKind.TextList, "Product features the customer has not used yet."),
        ("signals.repeat_contact", TemplateFieldKind.YesNo, "Whether the customer got in touch more than once in the last 7 days."),
        ("signals.last_csat", TemplateFieldKind.Number, "The last satisfaction rating, 1 to 5; empty when never rated."),
        ("signals.open_issues", TemplateFieldKind.Number, "Open conversations and repeated errors."),
        ("signals.repeated_errors", TemplateFieldKind.TextList, "Errors the customer hit repeatedly in the last 7 days."),
        ("lifecycle", TemplateFieldKind.Group, "Where the customer is in their journey, and why."),
        ("lifecycle.stage", TemplateFieldKind.Text, "Onboarding, Adoption, Maturity or Retention."),
        ("lifecycle.at_risk", TemplateFieldKind.YesNo, "Whether the customer is at risk of churning."),
        ("lifecycle.reason", TemplateFieldKind.Text, "Why the customer is in this stage."),
        ("segments", TemplateFieldKind.List, "The segments the customer belongs to."),
        ("segments[].key", TemplateFieldKind.Text, "A segment's key."),
        ("segments[].name", TemplateFieldKind.Text, "A segment's name."),
        ("conversation", TemplateFieldKind.Group, "The conversation the message answers; empty for a proactive message, so test it with if conversation."),
        ("conversation.id", TemplateFieldKind.Number, "Conversation number."),
        ("conversation.subject", TemplateFieldKind.Text, "Subject; empty when the customer gave none."),
        ("conversation.channel", TemplateFieldKind.Text, "Chat, Email, Api or Proactive."),
        ("conversation.intent", TemplateFieldKind.Text, "Billing, HowTo, Bug, Outage, Integration or Account; empty when unclear."),
        ("conversation.priority", TemplateFieldKind.Text, "P1 (most urgent) to P4."),
        ("conversation.team", TemplateFieldKind.Text, "The team handling it; empty while unrouted."),
        ("conversation.opened_at", TemplateFieldKind.Text, "When it was opened, ISO 8601 (format it with date.parse and date.to_string)."),
        ("agent", TemplateFieldKind.Group, "The agent sending the message; empty for automated messages, so test it with if agent."),
        ("agent.name", TemplateFieldKind.Text, "Full name."),
        ("agent.first_name", TemplateFieldKind.Text, "First name, for sign-offs."),
        ("agent.team", TemplateFieldKind.Text, "The agent's team; empty when none."),
        ("recommendations", TemplateFieldKind.Group, "What to suggest next."),
        ("recommendations.failed_step", TemplateFieldKind.Text, "The onboarding step that failed; empty when none did."),
        ("recommendations.next_onboarding_step", TemplateFieldKind.Text, "The step to take next (after the failed one, when one failed); empty when onboarding is complete."),
        ("recommendations.unused_feature", TemplateFieldKind.Text, "A feature the customer has not used yet; empty when they use them all."),
        ("recommendations.knowledge_links", TemplateFieldKind.List, "Knowledge articles relevant to the conversation; an empty list when there are none."),
        ("recommendations.knowledge_links[].title", TemplateFieldKind.Text, "An article's title."),
        ("recommendations.knowledge_links[].url", TemplateFieldKind.Text, "An article's address."),
        ("tone", TemplateFieldKind.Text, "concise or guided: the customer's declared preference, else from their experience level (New customers get guided)."),
    ];

    /// <summary>A realistic customer, conversation and agent with every field filled, for previews, the reference page and tests.</summary>
    public static readonly TemplateData Example = new(
        new CustomerData("Priya Sharma", "Priya", "Northwind Logistics", "Pro", "Pro annual", "en-GB", "priya.sharma@northwind.example", "New"),
        new SignalData(62, "Onboarding", false, 60, ["connect-data-source"], "invite-team", "Steady", ["dashboards", "exports"], ["alerts", "api-access"],
            true, 4, 1, ["webhook-rejected"]),
        new LifecycleData("Onboarding", false, "Signed up 12 days ago; 3 of 5 onboarding steps done."),
        [new SegmentData("new-pro", "New Pro accounts"), new SegmentData("emea", "EMEA")],
        new ConversationData(1042, "Data source won't connect", "Chat", "HowTo", "P3", "Onboarding", new DateTimeOffset(2026, 5, 4, 9, 30, 0, TimeSpan.Zero)),
        new AgentData("Maya Chen", "Maya", "Onboarding"),
        new RecommendationData("connect-data-source", "invite-team", "alerts",
            [new KnowledgeLink("Connecting a data source", "https://help.example.com/articles/connect-data-source")]),
        "guided");

    /// <summary>Every field with its kind, meaning and the example customer's value, in the order the reference page shows them.</summary>
    public static readonly IReadOnlyList<TemplateField> Reference = BuildReference();

    /// <summary>Every valid field path (<c>customer.first_name</c>, <c>segments[].name</c>), for lint.</summary>
    public static readonly FrozenSet<string> Paths = Fields.Select(f => f.Path).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ListPaths =
        Fields.Where(f => f.Kind is TemplateFieldKind.List or TemplateFieldKind.TextList).Select(f => f.Path).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> is a list (so <c>[]</c> and <c>.size</c> apply to it).</summary>
    public static bool IsList(string path) => ListPaths.Contains(path);

    /// <summary>
    /// A new model for one render. Built fresh each time, so even a template that found a way to change a
    /// value could only change its own message.
    /// </summary>
    public static ScriptObject Build(TemplateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var root = new ScriptObject(16);
        var c = data.Customer;
        Put(root, "customer", Section(
            ("name", c.Name), ("first_name", c.FirstName), ("company", c.Company), ("tier", c.Tier), ("plan", c.Plan), ("locale", c.Locale),
            ("email", c.Email), ("experience_level", c.ExperienceLevel)));
        var s = data.Signals;
        Put(root, "signals", Section(
            ("value_score", s.ValueScore), ("lifecycle_stage", s.LifecycleStage), ("at_risk", s.AtRisk), ("onboarding_percent", s.OnboardingPercent),
            ("failed_steps", Texts(s.FailedSteps)), ("next_onboarding_step", s.NextOnboardingStep), ("activity_trend", s.ActivityTrend),
            ("features_used", Texts(s.FeaturesUsed)), ("features_not_used", Texts(s.FeaturesNotUsed)), ("repeat_contact", s.RepeatContact),
            ("last_csat", s.LastCsat), ("open_issues", s.OpenIssues), ("repeated_errors", Texts(s.RepeatedErrors))));
        var l = data.Lifecycle;
        Put(root, "lifecycle", Section(("stage", l.Stage), ("at_risk", l.AtRisk), ("reason", l.Reason)));
        Put(root, "segments", ListOf(data.Segments, g => Section(("key", g.Key), ("name", g.Name))));
        Put(root, "conversation", data.Conversation is { } v
            ? Section(
                ("id", v.Id), ("subject", v.Subject), ("channel", v.Channel), ("intent", v.Intent), ("priority", v.Priority), ("team", v.Team),
                ("opened_at", v.OpenedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)))
            : null);
        Put(root, "agent", data.Agent is { } a ? Section(("name", a.Name), ("first_name", a.FirstName), ("team", a.Team)) : null);
        var r = data.Recommendations;
        Put(root, "recommendations", Section(
            ("failed_step", r.FailedStep), ("next_onboarding_step", r.NextOnboardingStep), ("unused_feature", r.UnusedFeature),
            ("knowledge_links", ListOf(r.KnowledgeLinks, k => Section(("title", k.Title), ("url", k.Url))))));
        Put(root, "tone", ToneName(data.Tone));
        return root;
    }

    /// <summary>The tone as templates compare it: "guided" when the data says guided (in any case), otherwise "concise".</summary>
    public static string ToneName(string? tone) => string.Equals(tone?.Trim(), "guided", StringComparison.OrdinalIgnoreCase) ? "guided" : "concise";

    /// <summary>The values at a field path; a path through a list (<c>segments[].name</c>) gives one value per item, an unknown path none.</summary>
    internal static IEnumerable<object?> ValuesAt(ScriptObject model, string path)
    {
        IEnumerable<object?> current = [model];
        foreach (var part in path.Split('.'))
        {
            var each = part.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? part[..^2] : part;
            current = current.Select(value => value is ScriptObject o && o.TryGetValue(name, out var member) ? member : Unknown.Value)
                .Where(value => value is not Unknown);
            if (each)
            {
                current = current.SelectMany(value => value is ScriptArray list ? list.Cast<object?>() : []);
            }
        }
        return current;
    }

    private static IReadOnlyList<TemplateField> BuildReference()
    {
        var model = Build(Example);
        return [.. Fields.Select(f => new TemplateField(f.Path, f.Kind, f.Description, ExampleOf(f.Kind, ValuesAt(model, f.Path).FirstOrDefault())))];
    }

    private static string ExampleOf(TemplateFieldKind kind, object? value) => kind switch
    {
        TemplateFieldKind.Group => "(see its fields)",
        TemplateFieldKind.List => value is ScriptArray list ? $"{list.Count} item{(list.Count == 1 ? "" : "s")} (see their fields)" : "",
        TemplateFieldKind.TextList => value is ScriptArray texts ? "[" + string.Join(", ", texts.Select(t => $"\"{t}\"")) + "]" : "[]",
        TemplateFieldKind.YesNo => value is true ? "true" : "false",
        TemplateFieldKind.Number or TemplateFieldKind.Text => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void Put(ScriptObject target, string key, object? value) => target.SetValue(key, value, readOnly: true);

    private static ScriptObject Section(params ReadOnlySpan<(string Key, object? Value)> fields)
    {
        var section = new ScriptObject(fields.Length);
        foreach (var (key, value) in fields)
        {
            section.SetValue(key, value, readOnly: true);
        }
        section.IsReadOnly = true;
        return section;
    }

    private static ReadOnlyScriptArray Texts(IReadOnlyList<string>? values) => ListOf(values, v => v);

    private static ReadOnlyScriptArray ListOf<T>(IReadOnlyList<T>? items, Func<T, object> item)
    {
        var values = new object?[items?.Count ?? 0];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = item(items![i]);
        }
        return new ReadOnlyScriptArray(values);
    }

    private sealed class Unknown
    {
        public static readonly Unknown Value = new();
    }
}
