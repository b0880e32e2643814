using Workspace.Data.Quality;
using Workspace.Data.Teams;
using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>
/// Everything the review panel shows for one conversation: the automatic checks, the scorecards open to reviews, the
/// teams and template versions the flags may name, and the reviews so far. <paramref name="CannotScore"/> says why
/// this viewer may read but not score it (they handled it themselves).
/// </summary>
public sealed record ReviewWorkspace(
    long ConversationId,
    IReadOnlyList<AutomaticCheck> Checks,
    IReadOnlyList<ScorecardVersion> Scorecards,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<ReviewTemplateUse> TemplatesUsed,
    IReadOnlyList<ReviewRecord> Reviews,
    long ViewerId,
    string? CannotScore)
{
    public ReviewRecord? Mine => Reviews.FirstOrDefault(r => r.ReviewerId == ViewerId);

    public IEnumerable<ReviewRecord> Others => Reviews.Where(r => r.ReviewerId != ViewerId);
}
