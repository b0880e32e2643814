namespace Workspace.Web.Features.Qa.Transcript;

public enum TranscriptRefusal
{
    None,
    NotFound,
    NotAllowed,
}
