using Workspace.Domain.Conversations;
using Workspace.Domain.Routing;
using Workspace.Domain.Segments;

namespace Workspace.Data.Demo;

/// <summary>The fixed vocabulary of the demo world: teams, skills, features, steps and what customers write.</summary>
public static class DemoCatalog
{
    public const string Password = "Demo!2345";
    public const string ApiKey = "wk_demo_key_0001";
    public const int Seed = 20_260_501;

    public static readonly string[] Teams = ["General Support", "Onboarding Specialists", "Enterprise Success", "Technical Escalations"];

    public static readonly string[] Skills = ["billing", "api", "integrations", "onboarding", "security", "enterprise", "german", "french", "spanish"];

    public static readonly string[] Features =
    [
        "dashboards", "reports", "automations", "api", "alerts", "exports", "sso", "mobile-app",
        "integration-slack", "integration-salesforce", "integration-hubspot", "audit-trail",
    ];

    /// <summary>The core onboarding steps, in the order a new customer is guided through them.</summary>
    public static readonly string[] OnboardingSteps =
        ["create-workspace", "invite-team", "connect-data-source", "build-first-dashboard", "set-up-alerts"];

    public static readonly string[] Errors = ["sync-timeout", "auth-failed", "rate-limited", "import-failed", "webhook-rejected"];

    public static readonly string[] Plans = ["Free", "Starter Monthly", "Starter Annual", "Pro Monthly", "Pro Annual", "Enterprise"];

    public static readonly string[] ProductVersions = ["4.8", "5.0", "5.1", "5.2"];

    public static readonly (string Locale, string TimeZone)[] Places =
    [
        ("en-US", "America/New_York"), ("en-US", "America/Chicago"), ("en-US", "America/Los_Angeles"),
        ("en-GB", "Europe/London"), ("de-DE", "Europe/Berlin"), ("fr-FR", "Europe/Paris"),
        ("es-ES", "Europe/Madrid"), ("nl-NL", "Europe/Amsterdam"), ("en-AU", "Australia/Sydney"),
        ("en-CA", "America/Toronto"), ("pt-BR", "America/Sao_Paulo"), ("ja-JP", "Asia/Tokyo"),
    ];

    /// <summary>
    /// The demo staff. The four role accounts of PRODUCT.md section 5 come first; the other agents
    /// make up the 12 agents of the four teams.
    /// </summary>
    public static readonly DemoStaff[] Staff =
    [
        new("agent@demo.local", "Alex Morgan", ["Agent"], "General Support", 5, ["billing", "onboarding"]),
        new("lead@demo.local", "Leah Brooks", ["Lead"], null, 0, []),
        new("qa@demo.local", "Quinn Avery", ["QA"], null, 0, []),
        new("admin@demo.local", "Adrian Shaw", ["Admin"], null, 0, []),
        new("maya.chen@demo.local", "Maya Chen", ["Agent"], "General Support", 5, ["billing", "french"]),
        new("omar.haddad@demo.local", "Omar Haddad", ["Agent"], "General Support", 4, ["billing", "spanish"]),
        new("sofia.rossi@demo.local", "Sofia Rossi", ["Agent"], "General Support", 6, ["integrations"]),
        new("jonas.weber@demo.local", "Jonas Weber", ["Agent"], "Onboarding Specialists", 4, ["onboarding", "german"]),
        new("priya.nair@demo.local", "Priya Nair", ["Agent"], "Onboarding Specialists", 5, ["onboarding", "integrations"]),
        new("lucas.martin@demo.local", "Lucas Martin", ["Agent"], "Onboarding Specialists", 4, ["onboarding", "french"]),
        new("hannah.kim@demo.local", "Hannah Kim", ["Agent"], "Enterprise Success", 3, ["enterprise", "billing", "security"]),
        new("daniel.okafor@demo.local", "Daniel Okafor", ["Agent"], "Enterprise Success", 3, ["enterprise", "integrations"]),
        new("elena.petrova@demo.local", "Elena Petrova", ["Agent"], "Enterprise Success", 4, ["enterprise", "german"]),
        new("ravi.patel@demo.local", "Ravi Patel", ["Agent"], "Technical Escalations", 3, ["api", "integrations", "security"]),
        new("grace.liu@demo.local", "Grace Liu", ["Agent"], "Technical Escalations", 3, ["api", "security"]),
    ];

    /// <summary>Segments a lead would start with; membership is always evaluated live.</summary>
    public static readonly (string Key, string Name, string Description, SegmentDefinition Definition)[] Segments =
    [
        ("enterprise-onboarding-failed", "Enterprise in onboarding with a failed step", "Big accounts stuck early: worth a specialist's call.",
            new(true, [new("tier", SegmentOperator.Equals, ["Enterprise"]), new("lifecycleStage", SegmentOperator.Equals, ["Onboarding"]),
                new("failedOnboardingStep", SegmentOperator.Equals, ["true"])])),
        ("high-value-at-risk", "High value at risk", "Value score 70 or more and at risk.",
            new(true, [new("valueScore", SegmentOperator.AtLeast, ["70"]), new("atRisk", SegmentOperator.Equals, ["true"])])),
        ("new-and-stuck", "New users stuck in onboarding", "New users with a failed onboarding step: guide them step by step.",
            new(true, [new("experienceLevel", SegmentOperator.Equals, ["New"]), new("failedOnboardingStep", SegmentOperator.Equals, ["true"])])),
        ("power-users", "Power users", "Six or more features in use and steady or rising activity.",
            new(true, [new("featuresAdopted", SegmentOperator.AtLeast, ["6"]), new("activityTrend", SegmentOperator.In, ["Steady", "Rising"])])),
    ];

    /// <summary>The demo ruleset (version 1), in the order the first match wins.</summary>
    public static readonly RoutingDefinition Routing = new(
    [
        new("enterprise", "Enterprise accounts", true, [new("tier", RuleOperator.Equals, ["Enterprise"])],
            new RuleActions("Enterprise Success", [], Priority.P2, 15, null, StickyPreference.AccountOwner)),
        new("at-risk-high-value", "At-risk high value", true,
            [new("atRisk", RuleOperator.Equals, ["true"]), new("valueScore", RuleOperator.AtLeast, ["70"])],
            new RuleActions("Enterprise Success", [], Priority.P1, null, null)),
        new("complex-technical", "Complex technical", true, [new("complexityScore", RuleOperator.AtLeast, ["70"])],
            new RuleActions("Technical Escalations", ["api"], Priority.P2, null, null)),
        new("onboarding", "Onboarding", true, [new("lifecycleStage", RuleOperator.Equals, ["Onboarding"])],
            new RuleActions("Onboarding Specialists", [], Priority.P3, null, null)),
        new("default", "Default", true, [], new RuleActions("General Support", [], Priority.P3, null, null)),
    ], IntentDetector.DefaultPhrases, ComplexityWeights.Default);

    /// <summary>Enterprise customers' account owners, by the customer's number: the "prefer the account owner" action finds them in the <c>accountOwner</c> attribute.</summary>
    public static readonly string[] AccountOwners = ["hannah.kim@demo.local", "daniel.okafor@demo.local", "elena.petrova@demo.local"];

    public static readonly DemoTopic[] Topics =
    [
        new("billing", "Question about my invoice",
            ["Hi, I was charged twice on my last invoice, can you check?", "Our invoice shows the wrong number of seats.", "Can I get a copy of last month's invoice with our VAT number on it?"],
            ["Thanks for flagging this. I can see the duplicate charge and have issued a refund; it will show in 3-5 business days.", "I've corrected the seat count and sent you an updated invoice.", "I've added your VAT number and re-sent the invoice to your billing contact."]),
        new("how-to", "How do I set this up?",
            ["How do I share a dashboard with someone outside our team?", "Where do I change the alert thresholds?", "Is there a way to schedule a report every Monday?"],
            ["You can share it from the dashboard menu under Share > Public link; you can also restrict it to specific emails.", "Thresholds live in Alerts > Rules; pick the rule and edit the condition.", "Yes: open the report, choose Schedule, and pick weekly on Monday."]),
        new("bug", "Something is not working",
            ["The export button does nothing when I click it.", "Charts on my dashboard show no data since this morning.", "I get an error when I save an automation."],
            ["Thanks, I reproduced it: it's a known issue with large exports and a fix ships this week. Meanwhile, exporting by month works.", "The data sync was delayed this morning; it has caught up now, can you refresh?", "That error comes from a field mapping; I've fixed the mapping on your automation, please try again."]),
        new("outage", "Service unavailable",
            ["Nothing loads for our whole team right now!", "We are seeing timeouts everywhere, is there an outage?"],
            ["We had a partial outage in our EU region between 09:10 and 09:40 UTC; everything is back now. Sorry for the disruption.", "Yes, there was an incident affecting API latency; it has been resolved and we'll publish a post-mortem."]),
        new("integration", "Integration or API question",
            ["Our Salesforce sync stopped after we rotated the token.", "The API returns 429 for our nightly import.", "The webhook to our endpoint keeps getting rejected."],
            ["After a token rotation the connection needs re-authorising: Settings > Integrations > Salesforce > Reconnect.", "Your import exceeds the burst limit; batching 500 records per request keeps you under it.", "Your endpoint answers 401; the signing secret changed, you can copy the new one under Webhooks."]),
        new("account", "Account and security",
            ["How do I enable SSO for our workspace?", "I need to remove a former employee's access.", "Can we enforce two-factor authentication?"],
            ["SSO is under Settings > Security; you'll need your identity provider's metadata URL.", "I've removed their access and transferred their dashboards to you.", "Yes, admins can require 2FA for everyone under Settings > Security > Policies."]),
    ];
}

public sealed record DemoStaff(string Email, string Name, string[] Roles, string? Team, int Capacity, string[] Skills);

public sealed record DemoTopic(string Key, string Subject, string[] CustomerLines, string[] AgentLines);
