using System.Globalization;
using System.Net;
using Workspace.Data.Conversations;
using Workspace.Data.Demo;
using Workspace.Data.Templates;
using Workspace.Domain.Privacy;
using Workspace.Domain.Signals;
using Workspace.Domain.Templates;
using Workspace.Web.Features.Auth;
using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Privacy;
using Workspace.Web.Features.Templates;
using Workspace.Web.Tests.Support;

namespace Workspace.Web.Tests.Features.Templates;

/// <summary>
/// The eight demo templates, live version, rendered for customers whose data the test knows exactly: either
/// a featured demo customer (rendered without a conversation, so their history stays as other tests expect)
/// or a customer of the test's own, created through the API with the profile and events it needs.
/// </summary>
public sealed class DemoTemplateRenderingTests(WorkspaceApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TemplateService Templates => app.Service<TemplateService>();

    /// <summary>A profile as the REST API takes it; what a test leaves out is sent as null (not given).</summary>
    private sealed record NewCustomer(
        string Name,
        string Tier,
        DateTimeOffset SignedUpAt,
        string? Company = null,
        string? Plan = null,
        string? LifecycleStage = null,
        bool? AtRisk = null,
        decimal? Arr = null,
        decimal? LifetimeValue = null,
        string? ExperienceLevel = null,
        string? Email = null);

    private static DateTimeOffset DaysAgo(double days) => DateTimeOffset.UtcNow.AddDays(-days);

    private static object Event(string kind, string name, DateTimeOffset at) =>
        new { eventId = Guid.NewGuid().ToString("N"), kind, name, occurredAt = at };

    /// <summary>Creates a customer through the API, with its events, and returns its external id.</summary>
    private async Task<string> CustomerAsync(NewCustomer profile, params object[] events)
    {
        using var api = app.CreateApiClient();
        var id = ApiCalls.NewCustomerId();
        using (var put = await api.SendJsonAsync(HttpMethod.Put, ApiCalls.CustomerPath(id), profile))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        if (events.Length > 0)
        {
            using var posted = await api.SendJsonAsync(HttpMethod.Post, ApiCalls.CustomerPath(id, "/events"), events);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        return id;
    }

    /// <summary>Opens a chat conversation for the customer through the API and returns it as stored.</summary>
    private async Task<ConversationRecord> OpenConversationAsync(string customer, string subject, string message)
    {
        using var api = app.CreateApiClient();
        using var response = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/conversations",
            new { customerExternalId = customer, channel = "Chat", subject, message = new { clientMessageId = Guid.NewGuid().ToString("N"), body = message } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("conversation").GetProperty("id").GetInt64();
        return (await app.Service<ConversationRepository>().GetAsync(id, Ct))!;
    }

    private static TemplateVersion Live(TemplateLibrary library, string key) => Assert.Single(library.Templates, t => t.Definition.Key == key);

    private async Task<TemplateData> DataAsync(string customer, TemplateTone tone, long? conversationId = null, Func<string, bool>? sees = null)
    {
        var (data, problem) = await Templates.DataAsync(customer, conversationId, tone, sees ?? (_ => true), null, Ct);
        Assert.True(data is not null, problem);
        return data;
    }

    /// <summary>The live version of a demo template rendered for the customer (and conversation) in the tone.</summary>
    private async Task<TemplateRender> RenderAsync(string key, string customer, TemplateTone tone, long? conversationId = null)
    {
        var library = await Templates.LibraryAsync(Ct);
        var version = Live(library, key);
        return Templates.Render(version, library, await DataAsync(customer, tone, conversationId), Ct);
    }

    /// <summary>The rendered text, which must exist: nothing missing, no error, no template syntax left in it.</summary>
    private async Task<string> TextAsync(string key, string customer, TemplateTone tone, long? conversationId = null)
    {
        var render = await RenderAsync(key, customer, tone, conversationId);
        Assert.Empty(render.Missing);
        Assert.Empty(render.Errors);
        var text = Assert.IsType<string>(render.Text);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        return text;
    }

    private async Task AssertMissingAsync(string key, string customer, TemplateTone tone, string path, long? conversationId = null)
    {
        var render = await RenderAsync(key, customer, tone, conversationId);

        Assert.Null(render.Text);
        Assert.Equal([path], render.Missing);
        Assert.Empty(render.Errors);
    }

    /// <summary>A Pro customer six days in who created the workspace and invited the team, then failed to connect a data source.</summary>
    private Task<string> StuckOnDataSourceAsync() =>
        CustomerAsync(new NewCustomer("Nora Quinn", "Pro", DaysAgo(6), ExperienceLevel: "New"),
            Event("OnboardingStepCompleted", "create-workspace", DaysAgo(5)),
            Event("OnboardingStepCompleted", "invite-team", DaysAgo(4)),
            Event("OnboardingStepFailed", "connect-data-source", DaysAgo(3)));

    /// <summary>An established Starter customer (over a year in, adoption, no onboarding history).</summary>
    private Task<string> EstablishedAsync(string name = "Eli Stone", string? company = null, string? plan = null, bool? atRisk = null, string tier = "Starter") =>
        CustomerAsync(new NewCustomer(name, tier, DaysAgo(400), company, plan, AtRisk: atRisk, ExperienceLevel: "Intermediate"));

    [Fact]
    public async Task OnboardingFailedStep_FailedStepGuided_NamesTheFailedStepAndTheNextStep()
    {
        var customer = await StuckOnDataSourceAsync();
        Assert.Equal("Onboarding", (await DataAsync(customer, TemplateTone.Guided)).Signals.LifecycleStage);

        var text = await TextAsync("onboarding-failed-step", customer, TemplateTone.Guided);

        Assert.StartsWith("Hi Nora, thanks for getting in touch.", text, StringComparison.Ordinal);
        Assert.Contains("I can see the step \"connect data source\" didn't complete on your side.", text, StringComparison.Ordinal);
        Assert.Contains("the next step is \"build first dashboard\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnboardingFailedStep_Concise_ShortWithTheStepAndTheNextOne()
    {
        var customer = await StuckOnDataSourceAsync();
        var guided = await TextAsync("onboarding-failed-step", customer, TemplateTone.Guided);

        var concise = await TextAsync("onboarding-failed-step", customer, TemplateTone.Concise);

        Assert.StartsWith("Hi Nora,", concise, StringComparison.Ordinal);
        Assert.Contains("The step \"connect data source\" failed. Re-run it with an admin account", concise, StringComparison.Ordinal);
        Assert.Contains("Next: build first dashboard.", concise, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't complete", concise, StringComparison.Ordinal);
        Assert.DoesNotContain("thanks for getting in touch", concise, StringComparison.Ordinal);
        Assert.True(concise.Length * 2 < guided.Length, $"The concise text ({concise.Length} characters) should be under half the guided one ({guided.Length}).");
    }

    [Theory]
    [InlineData("cus_0002", "connect data source", "build first dashboard")]
    [InlineData("cus_0006", "invite team", "connect data source")]
    public async Task OnboardingFailedStep_FeaturedCustomer_NamesTheirOwnStepAndTheNextOne(string customer, string failed, string next)
    {
        var text = await TextAsync("onboarding-failed-step", customer, TemplateTone.Guided);

        Assert.Contains($"I can see the step \"{failed}\" didn't complete", text, StringComparison.Ordinal);
        Assert.Contains($"the next step is \"{next}\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TemplateTone.Guided)]
    [InlineData(TemplateTone.Concise)]
    public async Task OnboardingFailedStep_NoFailedStep_ListsTheMissingStepAndRendersNothing(TemplateTone tone) =>
        await AssertMissingAsync("onboarding-failed-step", await EstablishedAsync(), tone, "recommendations.failed_step");

    [Fact]
    public async Task FeatureAdoption_AdoptingCustomer_NamesTheFirstUnusedFeatureInBothTones()
    {
        string[] used = ["dashboards", "reports", "automations", "api", "alerts", "exports", "sso"];
        var customer = await CustomerAsync(new NewCustomer("Owen Park", "Free", DaysAgo(90), ExperienceLevel: "Intermediate"),
            [.. used.Select((feature, i) => Event("FeatureUsed", feature, DaysAgo(2 + i)))]);
        Assert.Equal("Adoption", (await DataAsync(customer, TemplateTone.Concise)).Signals.LifecycleStage);

        var concise = await TextAsync("feature-adoption", customer, TemplateTone.Concise);
        var guided = await TextAsync("feature-adoption", customer, TemplateTone.Guided);

        // The first feature of the catalogue not used yet, and the first used one in name order.
        Assert.Contains("Tip: you haven't used mobile app yet; it fits how you already use alerts.", concise, StringComparison.Ordinal);
        Assert.Contains("your team hasn't tried mobile app yet.", guided, StringComparison.Ordinal);
        Assert.DoesNotContain("mobile-app", guided, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TemplateTone.Guided, "I've checked your account on the Pro Annual plan, and I'll correct anything")]
    [InlineData(TemplateTone.Concise, "I've checked your invoice (Pro Annual) and will send a corrected copy.")]
    public async Task InvoiceQuestion_CustomerWithAPlan_NamesThePlan(TemplateTone tone, string expected)
    {
        var customer = await EstablishedAsync("Iris Bell", plan: "Pro Annual", tier: "Pro");

        var text = await TextAsync("invoice-question", customer, tone);

        Assert.StartsWith("Hi Iris,", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TemplateTone.Guided, "I've checked your account, and I'll correct anything")]
    [InlineData(TemplateTone.Concise, "I've checked your invoice and will send a corrected copy.")]
    public async Task InvoiceQuestion_CustomerWithoutAPlan_LeavesThePlanOut(TemplateTone tone, string expected)
    {
        var customer = await EstablishedAsync("Iris Bell");

        var text = await TextAsync("invoice-question", customer, tone);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("plan", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, TemplateTone.Guided, "I'm sorry this happened — I've also flagged your account so billing double-checks your next invoice.")]
    [InlineData(true, TemplateTone.Concise, "Your next invoice will be double-checked.")]
    [InlineData(false, TemplateTone.Guided, null)]
    [InlineData(false, TemplateTone.Concise, null)]
    public async Task RefundConfirmation_AtRiskOrNot_AtRiskSentenceOnlyForTheAtRiskCustomer(bool atRisk, TemplateTone tone, string? atRiskSentence)
    {
        var customer = await EstablishedAsync("Rita Vance", atRisk: atRisk);
        Assert.Equal(atRisk, (await DataAsync(customer, tone)).Signals.AtRisk);

        var text = await TextAsync("refund-confirmation", customer, tone);

        Assert.Contains(tone == TemplateTone.Guided ? "Refunds take 3 to 5 business days" : "it shows on your statement in 3–5 business days.", text, StringComparison.Ordinal);
        if (atRiskSentence is not null)
        {
            Assert.Contains(atRiskSentence, text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("sorry", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("double-check", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Three sync-timeout errors in the last week (repeated), two rate-limited ones (not enough) and three
    /// export-failed ones ten days ago (too old).
    /// </summary>
    private Task<string> ErrorProneAsync(string tier) =>
        CustomerAsync(new NewCustomer("Hugo Lind", tier, DaysAgo(400), Company: "Lind Labs", ExperienceLevel: "Expert"),
            Event("ErrorRaised", "sync-timeout", DaysAgo(1)), Event("ErrorRaised", "sync-timeout", DaysAgo(2)), Event("ErrorRaised", "sync-timeout", DaysAgo(3)),
            Event("ErrorRaised", "rate-limited", DaysAgo(1)), Event("ErrorRaised", "rate-limited", DaysAgo(2)),
            Event("ErrorRaised", "export-failed", DaysAgo(10)), Event("ErrorRaised", "export-failed", DaysAgo(11)), Event("ErrorRaised", "export-failed", DaysAgo(12)));

    [Theory]
    [InlineData(TemplateTone.Guided, "I can see it hit your team directly: your account recorded repeated sync-timeout errors, so I'll keep an eye on your account today")]
    [InlineData(TemplateTone.Concise, "I can see it hit your team directly: your account recorded repeated sync-timeout errors, which should now stop.")]
    public async Task OutageApology_RepeatedErrorsThisWeek_NamesOnlyTheKindRepeatedThreeTimes(TemplateTone tone, string expected)
    {
        var customer = await ErrorProneAsync("Pro");

        var text = await TextAsync("outage-apology", customer, tone);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("rate-limited", text, StringComparison.Ordinal);
        Assert.DoesNotContain("export-failed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("incident report", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Enterprise", TemplateTone.Guided, "As an Enterprise customer you'll receive the incident report within 48 hours.")]
    [InlineData("Enterprise", TemplateTone.Concise, "Incident report within 48 hours.")]
    [InlineData("Pro", TemplateTone.Guided, null)]
    [InlineData("Starter", TemplateTone.Concise, null)]
    public async Task OutageApology_NoErrors_IncidentReportOnlyForEnterprise(string tier, TemplateTone tone, string? report)
    {
        var customer = await EstablishedAsync("Mara Holt", tier: tier);

        var text = await TextAsync("outage-apology", customer, tone);

        Assert.Contains(tone == TemplateTone.Guided ? "I'm sorry: we had an incident" : "Sorry: an incident affected the service; it is resolved.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("repeated", text, StringComparison.Ordinal);
        if (report is not null)
        {
            Assert.Contains(report, text, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("incident report", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task OutageApology_EnterpriseWithRepeatedErrors_NamesTheErrorAndPromisesTheReport()
    {
        var customer = await ErrorProneAsync("Enterprise");

        var text = await TextAsync("outage-apology", customer, TemplateTone.Concise);

        Assert.Contains("repeated sync-timeout errors", text, StringComparison.Ordinal);
        Assert.Contains("Incident report within 48 hours.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutageApology_OnlyOpenConversationIsTheOneAnswered_DoesNotCallItAnotherOpenIssue()
    {
        var customer = await EstablishedAsync("Nils Berg");
        var conversation = await OpenConversationAsync(customer, "Service down", "Your service is down, nothing loads since this morning.");
        // Its one open conversation is the one being answered, so the template sees no other open issue.
        Assert.Equal(0, (await DataAsync(customer, TemplateTone.Guided, conversation.Id)).Signals.OpenIssues);

        var text = await TextAsync("outage-apology", customer, TemplateTone.Guided, conversation.Id);

        // The one open conversation is the one this message answers: there is no other open issue to speak of.
        Assert.DoesNotContain("other open issue", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationHandoff_NoConversation_ListsTheMissingSubject() =>
        await AssertMissingAsync("escalation-handoff", await EstablishedAsync(), TemplateTone.Guided, "conversation.subject");

    [Theory]
    [InlineData(TemplateTone.Guided, "I've passed your question about \"Exporting reports\" to our General Support team with everything we've discussed")]
    [InlineData(TemplateTone.Concise, "Handed over to General Support with the full context (\"Exporting reports\"); they'll reply here.")]
    public async Task EscalationHandoff_WithTheirConversation_NamesTheSubjectAndTheTeam(TemplateTone tone, string expected)
    {
        var customer = await EstablishedAsync("Lena Ford");
        var conversation = await OpenConversationAsync(customer, "Exporting reports", "How do I export my reports to a spreadsheet?");
        // An established Starter customer goes to General Support by the demo ruleset's default rule, at P3.
        Assert.Equal("General Support", conversation.TeamName);

        var text = await TextAsync("escalation-handoff", customer, tone, conversation.Id);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("as a priority", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationHandoff_AnotherCustomersConversation_NoData()
    {
        var owner = await EstablishedAsync("Owner Customer");
        var conversation = await OpenConversationAsync(owner, "Private matter", "This is my conversation.");
        var other = await EstablishedAsync("Other Customer");

        var (data, problem) = await Templates.DataAsync(other, conversation.Id, TemplateTone.Concise, _ => true, null, Ct);

        Assert.Null(data);
        Assert.Equal($"Conversation {conversation.Id} is not one of {other}'s.", problem);
    }

    /// <summary>
    /// An Enterprise customer of Halcyon Freight with <paramref name="last7"/> logins in the last 7 days and
    /// <paramref name="previous28"/> between 8 and 34 days ago (the usual week is a quarter of those).
    /// </summary>
    private Task<string> EnterpriseWithActivityAsync(int last7, int previous28)
    {
        var recent = Enumerable.Range(0, last7).Select(i => Event("Login", "login", DaysAgo(0.5 + 6.0 * i / Math.Max(1, last7))));
        var before = Enumerable.Range(0, previous28).Select(i => Event("Login", "login", DaysAgo(8 + 26.0 * i / Math.Max(1, previous28))));
        return CustomerAsync(new NewCustomer("Greta Moss", "Enterprise", DaysAgo(700), "Halcyon Freight", "Enterprise", "Maturity", false, 300_000, 900_000, "Intermediate"),
            [.. recent, .. before]);
    }

    [Theory]
    [InlineData(1, 40, "Sharp drop", true)]
    [InlineData(6, 36, "Declining", true)]
    [InlineData(10, 40, "Steady", false)]
    [InlineData(20, 40, "Rising", false)]
    public async Task EnterpriseCheckin_ActivityTrend_MentionsDecliningUsageOnlyWhenItDeclines(int last7, int previous28, string trend, bool mentionsDecline)
    {
        var customer = await EnterpriseWithActivityAsync(last7, previous28);
        Assert.Equal(trend, (await DataAsync(customer, TemplateTone.Guided)).Signals.ActivityTrend);

        var guided = await TextAsync("enterprise-checkin", customer, TemplateTone.Guided);
        var concise = await TextAsync("enterprise-checkin", customer, TemplateTone.Concise);

        Assert.Contains("I wanted to check in on how things are going at Halcyon Freight.", guided, StringComparison.Ordinal);
        Assert.Contains("Checking in on Halcyon Freight.", concise, StringComparison.Ordinal);
        Assert.Equal(mentionsDecline, guided.Contains("your team has been using the product less over the last few weeks", StringComparison.Ordinal));
        Assert.Equal(mentionsDecline, concise.Contains("Usage is down lately: anything blocking you?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnterpriseCheckin_NoCompany_ListsTheMissingCompany() =>
        await AssertMissingAsync("enterprise-checkin", await EstablishedAsync(), TemplateTone.Guided, "customer.company");

    [Fact]
    public async Task EnterpriseCheckin_FeaturedEnterpriseCustomer_NamesTheirCompany()
    {
        var company = (await DataAsync("cus_0001", TemplateTone.Concise)).Customer.Company;
        Assert.False(string.IsNullOrWhiteSpace(company));

        var text = await TextAsync("enterprise-checkin", "cus_0001", TemplateTone.Concise);

        Assert.Contains($"Checking in on {company}.", text, StringComparison.Ordinal);
    }

    /// <summary>A customer whose one conversation was resolved by a lead and rated <paramref name="csat"/>.</summary>
    private async Task<string> RatedAsync(int csat)
    {
        var customer = await EstablishedAsync("Cora Webb");
        var conversation = await OpenConversationAsync(customer, "Login trouble", "I cannot sign in from my phone.");
        var service = app.Service<ConversationService>();
        var resolved = await service.ResolveAsync(await app.ScopeAsync(WorkspaceApp.LeadEmail), conversation.Id, Ct);
        Assert.True(resolved.Succeeded, resolved.Refusal);
        Assert.Null(await service.RateAsync(conversation.Id, csat, Ct));
        return customer;
    }

    [Theory]
    [InlineData(2, TemplateTone.Guided, "You rated our last conversation 2 out of 5, and I'm sorry we didn't get it right.")]
    [InlineData(3, TemplateTone.Guided, "You rated our last conversation 3 out of 5, and I'm sorry we didn't get it right.")]
    [InlineData(3, TemplateTone.Concise, "You rated us 3/5 last time. What should we have done differently?")]
    public async Task CsatFollowUp_LastRatingThreeOrLower_Apologises(int csat, TemplateTone tone, string expected)
    {
        var customer = await RatedAsync(csat);

        var text = await TextAsync("csat-follow-up", customer, tone);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, TemplateTone.Guided, "Thank you for rating our last conversation 4 out of 5 — it's good to hear it helped.")]
    [InlineData(5, TemplateTone.Concise, "Thanks for the 5/5.")]
    public async Task CsatFollowUp_LastRatingFourOrFive_Thanks(int csat, TemplateTone tone, string expected)
    {
        var customer = await RatedAsync(csat);

        var text = await TextAsync("csat-follow-up", customer, tone);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("sorry", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("differently", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsatFollowUp_NeverRated_ListsTheMissingRating() =>
        await AssertMissingAsync("csat-follow-up", await EstablishedAsync(), TemplateTone.Guided, "signals.last_csat");

    public static TheoryData<string> TemplatesWithTestCases => [.. DemoTemplates.TestCases.Keys];

    [Theory]
    [MemberData(nameof(TemplatesWithTestCases))]
    public async Task RunTests_DemoTemplatesSavedTestCases_AllPass(string key)
    {
        var library = await Templates.LibraryAsync(Ct);
        var version = Live(library, key);
        Assert.Equal(DemoTemplates.TestCases[key].Select(t => t.Name), version.TestCases.Select(t => t.Name));

        var outcomes = await Templates.RunTestsAsync(version.Definition, version.TestCases, library, Ct);

        Assert.Equal(version.TestCases.Count, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Passed, $"“{o.Test.Name}” failed: {string.Join(" ", o.Failures)}"));
    }

    [Fact]
    public async Task Library_DemoTemplates_AllLiveAtVersionOne()
    {
        var library = await Templates.LibraryAsync(Ct);

        foreach (var template in DemoTemplates.Templates)
        {
            Assert.Equal(1, Live(library, template.Key).Version);
        }
    }

    [Theory]
    [InlineData("{{7*7}}<script>x</script> Doe", "Hi {{7*7}}<script>x</script>,")]
    [InlineData("{{ 7*7 }} <script>x</script>", "Hi {{,")]
    public async Task Greeting_CustomerNameWithTemplateSyntaxAndMarkup_RenderedVerbatim(string name, string greeting)
    {
        var customer = await EstablishedAsync(name);

        var render = await RenderAsync("invoice-question", customer, TemplateTone.Concise);

        var text = Assert.IsType<string>(render.Text);
        // The first name is the name's first word, written as the customer wrote it: never evaluated, never encoded.
        Assert.StartsWith(greeting + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("49", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_CustomerFullNameWithTemplateSyntaxAndMarkup_RenderedVerbatim()
    {
        const string name = "{{ 7*7 }} <script>x</script>";
        var customer = await EstablishedAsync(name);
        var library = await Templates.LibraryAsync(Ct);

        var render = TemplateService.RenderDraft("Dear {{ customer.name }}, {{ include \"greeting\" }}", [], library, await DataAsync(customer, TemplateTone.Guided), Ct);

        Assert.Equal($"Dear {name}, Hi {{{{, thanks for getting in touch.", render.Text);
    }

    [Fact]
    public async Task Render_AgentWhoSeesTheValueScoreMasked_TemplateCannotRevealIt()
    {
        var agent = StaffAuth.ToPrincipal(await app.StaffUserAsync(WorkspaceApp.AgentEmail));
        var viewer = await app.Service<PrivacyService>().ForAsync(agent, Ct);
        // ARR and lifetime value are financial: an agent sees them (and the value score computed from them) masked until revealed.
        Assert.False(viewer.Sees(FieldPolicy.Arr));
        var customer = await CustomerAsync(new NewCustomer("Paula Reyes", "Enterprise", DaysAgo(700), "Reyes Shipping", Arr: 300_000, LifetimeValue: 900_000));
        var score = CustomerSignals.ComputeValueScore(300_000, 900_000);
        var library = await Templates.LibraryAsync(Ct);

        var render = TemplateService.RenderDraft("Value score: {{ signals.value_score }}", [], library, await DataAsync(customer, TemplateTone.Concise, sees: viewer.Sees), Ct);

        var text = Assert.IsType<string>(render.Text);
        Assert.DoesNotContain(score.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_ViewerWhoMayNotSeeTheEmail_LeftEmptyNeverMasked()
    {
        var customer = await CustomerAsync(new NewCustomer("Vera Mask", "Starter", DaysAgo(400), Email: "vera@masked.example"));

        var hidden = await DataAsync(customer, TemplateTone.Concise, sees: field => field != FieldPolicy.Email);
        var shown = await DataAsync(customer, TemplateTone.Concise);

        // A message must never carry a masked "v•••@…" to the customer: the template sees no email at all.
        Assert.Null(hidden.Customer.Email);
        Assert.Equal("vera@masked.example", shown.Customer.Email);
    }
}
