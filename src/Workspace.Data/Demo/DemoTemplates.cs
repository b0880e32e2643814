using Workspace.Domain.Customers;
using Workspace.Domain.Routing;
using Workspace.Domain.Templates;

namespace Workspace.Data.Demo;

/// <summary>
/// The demo template library: eight templates and four blocks that use conditionals for real (the
/// customer's failed step and the next one, an unused feature, their own outage impact) and speak in
/// both tones.
/// </summary>
public static class DemoTemplates
{
    public static readonly TemplateBlock[] Blocks =
    [
        new("greeting", """
            {{ if tone == "guided" }}Hi {{ customer.first_name }}, thanks for getting in touch{{ if agent }}. I'm {{ agent.first_name }}, and I'll go through this with you step by step{{ end }}.{{ else }}Hi {{ customer.first_name }},{{ end }}
            """),
        new("signoff", """
            {{ if tone == "guided" }}If anything is unclear, just reply here and I'll walk you through it.

            Best regards,
            {{ if agent }}{{ agent.name }}{{ else }}The support team{{ end }}{{ else }}Best,
            {{ if agent }}{{ agent.first_name }}{{ else }}Support{{ end }}{{ end }}
            """),
        new("next-step", """
            {{ if recommendations.next_onboarding_step }}{{ if tone == "guided" }}Once that works, the next step is "{{ recommendations.next_onboarding_step | string.replace "-" " " }}": it takes a couple of minutes and the setup guide in the app walks you through it.{{ else }}Next: {{ recommendations.next_onboarding_step | string.replace "-" " " }}.{{ end }}{{ end }}
            """),
        new("knowledge", """
            {{ if recommendations.knowledge_links.size > 0 }}{{ if tone == "guided" }}These articles explain it in more detail:{{ else }}More:{{ end }}{{ for link in recommendations.knowledge_links }}
            - {{ link.title }}: {{ link.url }}{{ end }}{{ end }}
            """),
    ];

    public static readonly TemplateDefinition[] Templates =
    [
        new("onboarding-failed-step", "Onboarding help for a failed step", [Intent.HowTo, Intent.Account, Intent.Bug], [LifecycleStage.Onboarding], null,
            ["recommendations.failed_step"], TemplateTone.Guided, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}I can see the step "{{ recommendations.failed_step | string.replace "-" " " }}" didn't complete on your side. That usually comes down to the credentials or permissions of the account used for it, so let's check those first: open the setup page for this step, sign in again with an account that has admin rights, and run it once more.{{ else }}The step "{{ recommendations.failed_step | string.replace "-" " " }}" failed. Re-run it with an admin account; it is usually a credentials or permission issue.{{ end }}

            {{ include "next-step" }}

            {{ include "signoff" }}
            """, ["new-and-stuck", "enterprise-onboarding-failed"]),
        new("feature-adoption", "Feature adoption: a feature not used yet", [Intent.HowTo], [LifecycleStage.Adoption, LifecycleStage.Maturity], null,
            ["recommendations.unused_feature"], TemplateTone.Concise, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}While we're at it: your team hasn't tried {{ recommendations.unused_feature | string.replace "-" " " }} yet. Teams at your stage often use it to save time every week, and it takes a few minutes to set up. If you'd like, I can send you a short walkthrough.{{ else }}Tip: you haven't used {{ recommendations.unused_feature | string.replace "-" " " }} yet; it fits how you already use {{ if signals.features_used.size > 0 }}{{ signals.features_used[0] | string.replace "-" " " }}{{ else }}the product{{ end }}.{{ end }}

            {{ include "knowledge" }}

            {{ include "signoff" }}
            """),
        new("invoice-question", "Invoice question", [Intent.Billing], [], null,
            ["customer.first_name"], TemplateTone.Concise, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}Thanks for asking about your invoice. I've checked your account{{ if customer.plan }} on the {{ customer.plan }} plan{{ end }}, and I'll correct anything that's wrong and send you an updated copy. If you need your VAT number or a purchase order number on it, reply with it and I'll add it before re-sending.{{ else }}I've checked your invoice{{ if customer.plan }} ({{ customer.plan }}){{ end }} and will send a corrected copy. Need a VAT or PO number on it? Reply with it.{{ end }}

            {{ include "signoff" }}
            """),
        new("refund-confirmation", "Refund confirmation", [Intent.Billing], [], null,
            ["customer.first_name"], TemplateTone.Concise, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}I've issued the refund for the duplicate charge. Refunds take 3 to 5 business days to appear on your statement, depending on your bank; you don't need to do anything else.{{ if signals.at_risk }} I'm sorry this happened — I've also flagged your account so billing double-checks your next invoice.{{ end }}{{ else }}Refund issued; it shows on your statement in 3–5 business days.{{ if signals.at_risk }} Your next invoice will be double-checked.{{ end }}{{ end }}

            {{ include "signoff" }}
            """),
        new("outage-apology", "Outage apology that names the customer's impact", [Intent.Outage], [], null,
            [], TemplateTone.Concise, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}I'm sorry: we had an incident that made the service slow or unavailable for some customers, and it has been resolved.{{ else }}Sorry: an incident affected the service; it is resolved.{{ end }}{{ if signals.repeated_errors.size > 0 }} I can see it hit your team directly: your account recorded repeated {{ signals.repeated_errors | array.join ", " }} errors, {{ if tone == "guided" }}so I'll keep an eye on your account today and tell you if anything else shows up.{{ else }}which should now stop.{{ end }}{{ else if signals.open_issues > 0 }} You also have {{ signals.open_issues }} other open issue(s) with us; I'll check whether they were caused by the same incident.{{ end }}

            {{ if customer.tier == "Enterprise" }}{{ if tone == "guided" }}As an Enterprise customer you'll receive the incident report within 48 hours.{{ else }}Incident report within 48 hours.{{ end }}{{ end }}

            {{ include "signoff" }}
            """),
        new("escalation-handoff", "Escalation hand-off summary", [Intent.Bug, Intent.Integration, Intent.Outage], [], null,
            ["conversation.subject"], TemplateTone.Concise, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}I've passed your question about "{{ conversation.subject }}" to our {{ conversation.team ?? "specialist" }} team with everything we've discussed, so you won't need to repeat yourself. They'll reply in this conversation{{ if conversation.priority == "P1" || conversation.priority == "P2" }} as a priority{{ end }}.{{ else }}Handed over to {{ conversation.team ?? "a specialist team" }} with the full context ("{{ conversation.subject }}"); they'll reply here.{{ end }}

            {{ include "signoff" }}
            """),
        new("enterprise-checkin", "Enterprise check-in", [], [LifecycleStage.Maturity, LifecycleStage.Retention], null,
            ["customer.company"], TemplateTone.Guided, """
            {{ include "greeting" }}

            {{ if tone == "guided" }}I wanted to check in on how things are going at {{ customer.company }}.{{ if signals.activity_trend == "Declining" || signals.activity_trend == "Sharp drop" }} I noticed your team has been using the product less over the last few weeks; if something is getting in the way, I'd like to help fix it.{{ end }}{{ if recommendations.unused_feature }} Many teams like yours also use {{ recommendations.unused_feature | string.replace "-" " " }}; happy to show you how.{{ end }}{{ else }}Checking in on {{ customer.company }}.{{ if signals.activity_trend == "Declining" || signals.activity_trend == "Sharp drop" }} Usage is down lately: anything blocking you?{{ end }}{{ end }}

            {{ include "signoff" }}
            """, ["high-value-at-risk"]),
        new("csat-follow-up", "CSAT follow-up", [], [], null,
            ["signals.last_csat"], TemplateTone.Guided, """
            {{ include "greeting" }}

            {{ if signals.last_csat <= 3 }}{{ if tone == "guided" }}You rated our last conversation {{ signals.last_csat }} out of 5, and I'm sorry we didn't get it right. I'd like to understand what went wrong so we can fix it for you and for others: what should we have done differently?{{ else }}You rated us {{ signals.last_csat }}/5 last time. What should we have done differently?{{ end }}{{ else }}{{ if tone == "guided" }}Thank you for rating our last conversation {{ signals.last_csat }} out of 5 — it's good to hear it helped.{{ else }}Thanks for the {{ signals.last_csat }}/5.{{ end }}{{ end }}

            {{ include "signoff" }}
            """),
    ];

    /// <summary>Saved test cases of the demo templates, run against the demo customers before any new version is published.</summary>
    public static readonly IReadOnlyDictionary<string, TemplateTestCase[]> TestCases = new Dictionary<string, TemplateTestCase[]>
    {
        ["onboarding-failed-step"] =
        [
            new("Names the failed step and the next one (guided)", "cus_0002", null, TemplateTone.Guided,
                ["connect data source", "the next step is"], ["{{", "}}"]),
            new("Short in the concise tone", "cus_0002", null, TemplateTone.Concise, ["Re-run it with an admin account"], ["step by step"]),
        ],
        ["feature-adoption"] =
        [
            new("Suggests an unused feature", "cus_0004", null, TemplateTone.Concise, ["Tip: you haven't used"], ["{{"]),
        ],
        ["invoice-question"] =
        [
            new("Names the plan", "cus_0001", null, TemplateTone.Guided, ["on the Enterprise plan"], []),
        ],
        ["refund-confirmation"] =
        [
            new("Says when the refund arrives", "cus_0003", null, TemplateTone.Concise, ["3–5 business days"], []),
        ],
        ["outage-apology"] =
        [
            new("Acknowledges the customer's own errors", "cus_0005", null, TemplateTone.Guided, ["webhook-rejected", "hit your team directly"], []),
            new("Promises Enterprise the incident report", "cus_0001", null, TemplateTone.Concise, ["Incident report within 48 hours."], []),
        ],
        ["enterprise-checkin"] =
        [
            new("Checks in by company name", "cus_0001", null, TemplateTone.Concise, ["Checking in on"], []),
        ],
        // Hand-built contexts: the hand-off needs a conversation, and the follow-up a known rating.
        ["escalation-handoff"] =
        [
            new("Names the subject and the team", null, TemplateModel.Example, TemplateTone.Guided,
                ["Data source won't connect", "our Onboarding team"], ["{{"]),
        ],
        ["csat-follow-up"] =
        [
            new("Apologises for a low rating", null, TemplateModel.Example with { Signals = TemplateModel.Example.Signals with { LastCsat = 2 } },
                TemplateTone.Guided, ["You rated our last conversation 2 out of 5", "what should we have done differently?"], ["Thank you for rating"]),
            new("Thanks for a good rating", null, TemplateModel.Example with { Signals = TemplateModel.Example.Signals with { LastCsat = 5 } },
                TemplateTone.Concise, ["Thanks for the 5/5."], ["sorry"]),
        ],
    };
}
