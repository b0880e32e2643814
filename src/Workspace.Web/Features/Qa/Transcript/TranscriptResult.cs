namespace Workspace.Web.Features.Qa.Transcript;

/// <summary>A transcript, or why there is none (the message is meant for the viewer).</summary>
public sealed record TranscriptResult(TranscriptView? Transcript, TranscriptRefusal Refusal, string? Message)
{
    public static TranscriptResult Refused(TranscriptRefusal refusal, string message) => new(null, refusal, message);
}
