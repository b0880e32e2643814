using Workspace.Domain.Conversations;

namespace Workspace.Domain.Tests.Conversations;

public class MentionsTests
{
    private const long Maya = 11;
    private const long Alex = 12;

    private static readonly Dictionary<string, long> Staff = new(StringComparer.Ordinal)
    {
        [Mentions.HandleOf("maya.chen@demo.local")] = Maya,
        [Mentions.HandleOf("Alex@demo.local")] = Alex,
        // Would be found if the "@" inside an email address counted as a mention.
        ["example.com"] = 99,
    };

    [Theory]
    [InlineData("maya.chen@demo.local", "maya.chen")]
    [InlineData("Maya.Chen@Demo.Local", "maya.chen")]
    [InlineData("a@b", "a")]
    [InlineData("no-at-sign", "")]
    public void HandleOf_Email_LowercaseLocalPart(string email, string expected) =>
        Assert.Equal(expected, Mentions.HandleOf(email));

    [Theory]
    [InlineData("@maya.chen can you check the refund?")]
    [InlineData("Customer asks for billing, @maya.chen please look")]
    [InlineData("Escalating.\n@maya.chen owns billing")]
    [InlineData("(cc @maya.chen)")]
    [InlineData("Thanks @maya.chen, that helped")]
    [InlineData("@Maya.Chen in capitals")]
    public void Resolve_HandleAtStartOrAfterSeparator_FindsUser(string body)
    {
        var result = Mentions.Resolve(body, Staff);

        Assert.Equal([Maya], result.UserIds);
        Assert.Empty(result.UnknownHandles);
    }

    [Theory]
    [InlineData("Ask @maya.chen.")]
    [InlineData("Ask @maya.chen...")]
    public void Resolve_HandleEndingSentence_PeriodNotPartOfHandle(string body)
    {
        var result = Mentions.Resolve(body, Staff);

        Assert.Equal([Maya], result.UserIds);
        Assert.Empty(result.UnknownHandles);
    }

    [Theory]
    [InlineData("The customer wrote to ops@example.com twice")]
    [InlineData("maya.chen@demo.local is on leave")]
    [InlineData("see x.@example.com")]
    [InlineData("an @ on its own")]
    [InlineData("no mentions here")]
    public void Resolve_AtSignInsideWordOrAlone_NoMention(string body)
    {
        var result = Mentions.Resolve(body, Staff);

        Assert.Empty(result.UserIds);
        Assert.Empty(result.UnknownHandles);
    }

    [Fact]
    public void Resolve_UnknownHandle_ReportedInLowercase()
    {
        var result = Mentions.Resolve("@maya.chen and @Ghost.Writer please", Staff);

        Assert.Equal([Maya], result.UserIds);
        Assert.Equal(["ghost.writer"], result.UnknownHandles);
    }

    [Fact]
    public void Resolve_SameUserOrUnknownHandleTwice_ReportedOnce()
    {
        var result = Mentions.Resolve("@maya.chen, @MAYA.CHEN and @maya.chen. Also @ghost @ghost.", Staff);

        Assert.Equal([Maya], result.UserIds);
        Assert.Equal(["ghost"], result.UnknownHandles);
    }

    [Fact]
    public void Resolve_SeveralUsers_InOrderOfMention()
    {
        var result = Mentions.Resolve("@alex then @maya.chen", Staff);

        Assert.Equal([Alex, Maya], result.UserIds);
    }
}
