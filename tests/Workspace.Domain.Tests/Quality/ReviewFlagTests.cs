using Workspace.Domain.Quality;

namespace Workspace.Domain.Tests.Quality;

public class ReviewFlagTests
{
    [Fact]
    public void Validate_WrongRoutingWithTeam_NoErrors() =>
        Assert.True(new WrongRouting("Billing", "Asked about an invoice.").Validate().IsEmpty);

    [Fact]
    public void Validate_WrongRoutingWithoutTeam_AsksForTheTeam()
    {
        var errors = new WrongRouting("").Validate().ToDictionary();

        Assert.Equal(["Choose the team the conversation should have gone to."], errors["correctTeam"]);
    }

    [Fact]
    public void Validate_TemplateMisfitWithKeyAndVersion_NoErrors() =>
        Assert.True(new TemplateMisfit("welcome", 3).Validate().IsEmpty);

    [Fact]
    public void Validate_TemplateMisfitWithoutKeyOrVersion_AsksForBoth()
    {
        var errors = new TemplateMisfit(" ", 0).Validate().ToDictionary();

        Assert.Equal(["Choose the template that did not fit."], errors["templateKey"]);
        Assert.Equal(["Choose the template version that was used (got 0)."], errors["templateVersion"]);
    }

    [Fact]
    public void Validate_NoteOverLimit_Refused()
    {
        var errors = new WrongRouting("Billing", new string('n', 1001)).Validate().ToDictionary();

        Assert.Equal(["'note' must be at most 1000 characters (got 1001)."], errors["note"]);
    }
}
