namespace Workspace.Browser.Tests.Support;

/// <summary>The demo staff accounts of PRODUCT.md section 5, with the name and role the app bar shows.</summary>
public sealed record DemoAccount(string Email, string Name, string Role)
{
    public const string Password = "Demo!2345";

    public static readonly DemoAccount Agent = new("agent@demo.local", "Alex Morgan", "Agent");
    public static readonly DemoAccount Lead = new("lead@demo.local", "Leah Brooks", "Lead");
    public static readonly DemoAccount Qa = new("qa@demo.local", "Quinn Avery", "QA");
    public static readonly DemoAccount Admin = new("admin@demo.local", "Adrian Shaw", "Admin");

    /// <summary>An agent of Onboarding Specialists, where the demo ruleset routes customers in onboarding.</summary>
    public static readonly DemoAccount OnboardingAgent = new("jonas.weber@demo.local", "Jonas Weber", "Agent");

    public static DemoAccount ByEmail(string email) =>
        new[] { Agent, Lead, Qa, Admin, OnboardingAgent }.Single(a => a.Email == email);

    public bool IsAdmin => this == Admin;
}
