using Workspace.Domain.Conversations;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Conversations;

public class EscalationSummaryTests
{
    private static string[] ErrorsFor(ValidationErrors errors, string field) =>
        errors.ToDictionary().TryGetValue(field, out var messages) ? messages : [];

    [Fact]
    public void Validate_AllFields_TrimmedSummaryAndNoErrors()
    {
        var errors = new ValidationErrors();

        var summary = EscalationSummary.Validate("  Reset the SSO config twice. ", "\nNobody at Acme can sign in.\n", " Renewal next week ", errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(new EscalationSummary("Reset the SSO config twice.", "Nobody at Acme can sign in.", "Renewal next week"), summary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoBusinessContext_SummaryWithoutIt(string? business)
    {
        var errors = new ValidationErrors();

        var summary = EscalationSummary.Validate("Tried a restart", "Cannot export", business, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.NotNull(summary);
        Assert.Null(summary.BusinessContext);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Validate_PreviousAttemptsMissing_NullAndRequiredError(string? attempts)
    {
        var errors = new ValidationErrors();

        Assert.Null(EscalationSummary.Validate(attempts, "Cannot export", null, errors));
        Assert.Contains("required", Assert.Single(ErrorsFor(errors, "previousAttempts")), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CustomerImpactMissing_NullAndRequiredError()
    {
        var errors = new ValidationErrors();

        Assert.Null(EscalationSummary.Validate("Tried a restart", " ", null, errors));
        Assert.Contains("required", Assert.Single(ErrorsFor(errors, "customerImpact")), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothRequiredMissing_BothReported()
    {
        var errors = new ValidationErrors();

        Assert.Null(EscalationSummary.Validate(null, null, "Enterprise", errors));
        Assert.Equal(["customerImpact", "previousAttempts"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_FieldsAtLimit_Accepted()
    {
        var errors = new ValidationErrors();
        var text = new string('x', EscalationSummary.MaxFieldLength);

        Assert.NotNull(EscalationSummary.Validate(text, text, text, errors));
        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Fact]
    public void Validate_RequiredFieldOverLimit_NullAndLengthError()
    {
        var errors = new ValidationErrors();

        Assert.Null(EscalationSummary.Validate(new string('x', EscalationSummary.MaxFieldLength + 1), "Cannot export", null, errors));
        Assert.Contains("at most 2000", Assert.Single(ErrorsFor(errors, "previousAttempts")), StringComparison.Ordinal);
    }

    public static TheoryData<string> InvalidBusinessContexts => new()
    {
        new string('x', EscalationSummary.MaxFieldLength + 1),
        "ARR\u0000 unknown",
    };

    // The escalate dialog escalates whenever Validate returns a summary: an invalid business context
    // must stop it, not be dropped silently while the error is shown next to an escalation already sent.
    [Theory]
    [MemberData(nameof(InvalidBusinessContexts))]
    public void Validate_InvalidBusinessContext_NullSoNothingIsEscalated(string business)
    {
        var errors = new ValidationErrors();

        var summary = EscalationSummary.Validate("Tried a restart", "Cannot export", business, errors);

        Assert.Single(ErrorsFor(errors, "businessContext"));
        Assert.Null(summary);
    }

    [Fact]
    public void Prefill_NoReplyYet_SaysSo()
    {
        var summary = EscalationSummary.Prefill(0, 2, 1, "Pro", null, 0m);

        Assert.Equal("No reply has been sent in this conversation yet.", summary.PreviousAttempts);
    }

    [Theory]
    [InlineData(1, 1, "1 agent reply in this conversation; 1 earlier conversation with this customer.")]
    [InlineData(3, 0, "3 agent replies in this conversation; 0 earlier conversations with this customer.")]
    [InlineData(2, 5, "2 agent replies in this conversation; 5 earlier conversations with this customer.")]
    public void Prefill_Replies_CountsRepliesAndEarlierConversationsInWords(int replies, int previous, string expected) =>
        Assert.Equal(expected, EscalationSummary.Prefill(replies, previous, 1, "Pro", null, 0m).PreviousAttempts);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Prefill_AtMostOneOpenConversation_AsksWhatCustomerCannotDo(int open) =>
        Assert.Equal("Describe what the customer cannot do and since when.", EscalationSummary.Prefill(1, 0, open, "Pro", null, 0m).CustomerImpact);

    [Fact]
    public void Prefill_SeveralOpenConversations_MentionsThem() =>
        Assert.Equal("The customer has 3 open conversations; describe what they cannot do.", EscalationSummary.Prefill(1, 0, 3, "Pro", null, 0m).CustomerImpact);

    [Fact]
    public void Prefill_BusinessContext_TierArrAndStage()
    {
        Assert.Equal("Enterprise customer, ARR 123,457, Adoption.", EscalationSummary.Prefill(1, 0, 1, "Enterprise", "Adoption", 123_456.78m).BusinessContext);
        Assert.Equal("Free customer, ARR 0.", EscalationSummary.Prefill(1, 0, 1, "Free", null, 0m).BusinessContext);
    }

    [Fact]
    public void Prefill_ArrNotShownToTheAgent_LeftOutOfTheBusinessContext() =>
        Assert.Equal("Enterprise customer, Adoption.", EscalationSummary.Prefill(1, 0, 1, "Enterprise", "Adoption", null).BusinessContext);

    [Fact]
    public void Prefill_Result_PassesValidation()
    {
        var prefill = EscalationSummary.Prefill(4, 2, 2, "Business", "Renewal", 48_000m);
        var errors = new ValidationErrors();

        Assert.Equal(prefill, EscalationSummary.Validate(prefill.PreviousAttempts, prefill.CustomerImpact, prefill.BusinessContext, errors));
        Assert.True(errors.IsEmpty, errors.ToString());
    }
}
