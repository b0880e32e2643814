using Workspace.Domain.Routing;

namespace Workspace.Domain.Tests.Routing;

public class IntentDetectorTests
{
    private static readonly IntentDetector Detector = new(IntentDetector.DefaultPhrases);

    [Theory]
    [InlineData("I was charged twice on my last invoice", Intent.Billing)]
    [InlineData("How do I share a dashboard?", Intent.HowTo)]
    [InlineData("The export button does nothing", Intent.Bug)]
    [InlineData("Nothing loads for our whole team, is there an outage?", Intent.Outage)]
    [InlineData("The API returns 429 for our nightly sync", Intent.Integration)]
    [InlineData("How do we enable SSO and two-factor for everyone?", Intent.Account)]
    public void Detect_TypicalMessages_FindTheirIntent(string text, Intent expected) =>
        Assert.Equal(expected, Detector.Detect(text).Intent);

    [Fact]
    public void Detect_Reason_NamesTheMatchedPhrases()
    {
        var detection = Detector.Detect("Our webhook and the Salesforce sync broke");

        Assert.Equal(Intent.Integration, detection.Intent);
        Assert.Equal(["webhook", "sync", "salesforce"], detection.MatchedPhrases);
        Assert.Equal("Integration: matched “webhook”, “sync”, “salesforce”.", detection.Reason);
    }

    [Fact]
    public void Detect_PhraseInsideAnotherWord_DoesNotCount() =>
        Assert.Null(Detector.Detect("Our capital city office has a question").Intent);

    [Fact]
    public void Detect_NothingRecognisable_NoIntentAndSaysSo()
    {
        var detection = Detector.Detect("Hello there");

        Assert.Null(detection.Intent);
        Assert.Equal("No intent phrase found.", detection.Reason);
    }

    [Fact]
    public void Detect_LeadEditedPhrases_AreTheOnesUsed()
    {
        var custom = new IntentDetector(new Dictionary<Intent, IReadOnlyList<string>> { [Intent.Billing] = ["quote"] });

        Assert.Equal(Intent.Billing, custom.Detect("Can you send a quote?").Intent);
        Assert.Null(custom.Detect("I was charged twice").Intent);
    }
}
