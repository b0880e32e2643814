using Workspace.Domain.Privacy;
using Workspace.Domain.Staff;

namespace Workspace.Domain.Tests.Privacy;

public class FieldPolicyTests
{
    private static readonly FieldPolicy Policy = new(new Dictionary<string, FieldClass>
    {
        ["email"] = FieldClass.Contact,
        ["arr"] = FieldClass.Financial,
        ["attributes.taxId"] = FieldClass.Sensitive,
    });

    [Theory]
    [InlineData(FieldClass.Public, Role.QA, FieldAccess.Visible)]
    [InlineData(FieldClass.Contact, Role.Agent, FieldAccess.Visible)]
    [InlineData(FieldClass.Contact, Role.QA, FieldAccess.Revealable)]
    [InlineData(FieldClass.Financial, Role.Agent, FieldAccess.Revealable)]
    [InlineData(FieldClass.Financial, Role.Lead, FieldAccess.Visible)]
    [InlineData(FieldClass.Financial, Role.QA, FieldAccess.Hidden)]
    [InlineData(FieldClass.Sensitive, Role.Admin, FieldAccess.Revealable)]
    [InlineData(FieldClass.Sensitive, Role.Lead, FieldAccess.Revealable)]
    [InlineData(FieldClass.Sensitive, Role.Agent, FieldAccess.Hidden)]
    [InlineData(FieldClass.Sensitive, Role.QA, FieldAccess.Hidden)]
    public void AccessFor_ClassAndRole_FollowsThePolicyMatrix(FieldClass field, Role role, FieldAccess expected) =>
        Assert.Equal(expected, FieldPolicy.AccessFor(field, new HashSet<Role> { role }));

    [Fact]
    public void AccessFor_SeveralRoles_TheMostPermissiveApplies() =>
        Assert.Equal(FieldAccess.Visible, Policy.AccessFor("arr", new HashSet<Role> { Role.Agent, Role.Lead }));

    [Fact]
    public void ClassOf_UnlistedField_IsPublic() =>
        Assert.Equal(FieldClass.Public, Policy.ClassOf("attributes.industry"));

    [Theory]
    [InlineData("attributes.taxId", false, false)]
    [InlineData("attributes.taxId", true, true)]
    [InlineData("email", false, true)]
    [InlineData("arr", false, true)]
    public void VisibleToApi_ByScope_OnlySensitiveHiddenFromIntegrationKeys(string field, bool fullScope, bool expected) =>
        Assert.Equal(expected, Policy.VisibleToApi(field, fullScope));

    [Theory]
    [InlineData("ada@acme.example", "a•••@acme.example")]
    [InlineData("+1 555 0100", "•••")]
    [InlineData(null, "•••")]
    public void MaskValue_KeepsOnlyAnEmailsDomain(string? value, string expected) =>
        Assert.Equal(expected, FieldPolicy.MaskValue(value));
}
