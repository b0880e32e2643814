using Workspace.Domain.Customers;
using Workspace.Domain.Validation;

namespace Workspace.Domain.Tests.Customers;

public class TransactionInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static TransactionInput Valid() => new()
    {
        TransactionId = "inv_2026_0042",
        Kind = "Invoice",
        Amount = 199.99m,
        Currency = " eur ",
        Status = "paid",
        OccurredAt = Now.AddDays(-2),
        Description = "Pro Annual",
    };

    private static IReadOnlyDictionary<string, string[]> Reject(TransactionInput input)
    {
        var errors = new ValidationErrors();
        Assert.Null(input.Validate(errors, Now));
        return errors.ToDictionary();
    }

    [Fact]
    public void Validate_ValidTransaction_ReturnsNormalized()
    {
        var errors = new ValidationErrors();

        var transaction = Valid().Validate(errors, Now);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(
            new Transaction("inv_2026_0042", TransactionKind.Invoice, 199.99m, "EUR", TransactionStatus.Paid, Now.AddDays(-2), "Pro Annual"),
            transaction);
    }

    [Fact]
    public void Validate_ZeroAmount_Accepted()
    {
        var errors = new ValidationErrors();

        Assert.Equal(0m, (Valid() with { Amount = 0m }).Validate(errors, Now)?.Amount);
    }

    [Fact]
    public void Validate_EmptyObject_NamesEveryRequiredField() =>
        Assert.Equal(
            ["amount", "currency", "kind", "occurredAt", "status", "transactionId"],
            Reject(new TransactionInput()).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Validate_NegativeAmount_NamesAmount() =>
        Assert.Contains("negative", Assert.Single(Reject(Valid() with { Amount = -10m })["amount"]), StringComparison.Ordinal);

    [Theory]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("€")]
    [InlineData("")]
    public void Validate_BadCurrency_NamesCurrency(string currency) =>
        Assert.Equal(["currency"], Reject(Valid() with { Currency = currency }).Keys);

    [Fact]
    public void Validate_UnknownKindAndStatus_ListAllowedValues()
    {
        var fields = Reject(Valid() with { Kind = "Chargeback", Status = "Lost" });

        Assert.Contains("Order, Invoice, Refund", Assert.Single(fields["kind"]), StringComparison.Ordinal);
        Assert.Contains("Pending, Paid, Failed, Refunded", Assert.Single(fields["status"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FutureTimestamp_NamesOccurredAt() =>
        Assert.Contains("future", Assert.Single(Reject(Valid() with { OccurredAt = Now.AddHours(1) })["occurredAt"]), StringComparison.Ordinal);

    [Fact]
    public void Validate_DescriptionTooLong_NamesDescription() =>
        Assert.Equal(["description"], Reject(Valid() with { Description = new string('d', 501) }).Keys);
}
