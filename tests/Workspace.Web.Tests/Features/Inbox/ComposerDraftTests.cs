using Workspace.Web.Features.Conversations;
using Workspace.Web.Features.Inbox;

namespace Workspace.Web.Tests.Features.Inbox;

/// <summary>What a reply records about the template it came from.</summary>
public sealed class ComposerDraftTests
{
    private const string Rendered = "Hi Ada,\n\nYour refund is on its way.\n\nBest,\nMaya";

    [Fact]
    public void TemplateUse_SentAsInserted_TemplateNotEdited()
    {
        var draft = new ComposerDraft();
        draft.Insert("refund-confirmation", 3, Rendered);

        Assert.Equal(new SentTemplate("refund-confirmation", 3, false, Rendered), draft.TemplateUse);
    }

    [Fact]
    public void TemplateUse_ALineChanged_TemplateEdited()
    {
        var draft = new ComposerDraft();
        draft.Insert("refund-confirmation", 3, Rendered);
        draft.Text = draft.Text.Replace("on its way", "issued today", StringComparison.Ordinal);

        Assert.Equal(new SentTemplate("refund-confirmation", 3, true, Rendered), draft.TemplateUse);
    }

    [Fact]
    public void TemplateUse_EveryInsertedLineRemoved_NoTemplateRecorded()
    {
        var draft = new ComposerDraft();
        draft.Insert("refund-confirmation", 3, Rendered);
        draft.Text = "Let me check that with billing and come back to you.";

        Assert.Null(draft.TemplateUse);
    }

    [Fact]
    public void TemplateUse_Note_NeverATemplateReply()
    {
        var draft = new ComposerDraft();
        draft.Insert("refund-confirmation", 3, Rendered);
        draft.IsNote = true;

        Assert.Null(draft.TemplateUse);
    }
}
