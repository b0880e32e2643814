using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Workspace.Data.Audit;
using Workspace.Data.Conversations;
using Workspace.Data.Quality;
using Workspace.Data.Teams;
using Workspace.Domain.Quality;
using Workspace.Domain.Validation;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>
/// Scoring conversations, defining scorecards, the review queue and the feedback figures. Every method checks the
/// caller's role itself (scoring and reading: <see cref="Policies.Review"/>; defining scorecards:
/// <see cref="Policies.Lead"/>) and then the data (the conversation exists and was not handled by the reviewer, the
/// scorecard is current, the flags name a real team and a template version used in the conversation). A refusal is
/// audited; a change is stored whole with its audit entry, or not at all.
/// </summary>
public sealed class ReviewService(
    ScorecardRepository scorecards,
    ReviewRepository reviews,
    FeedbackQueries feedback,
    ConversationRepository conversations,
    TeamRepository teams,
    IAuthorizationService authorization,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The review panel's content for one conversation.</summary>
    public async Task<ReviewOutcome<ReviewWorkspace>> WorkspaceAsync(ClaimsPrincipal user, long conversationId, CancellationToken ct)
    {
        if (await RefusalAsync<ReviewWorkspace>(user, Policies.Review, "review.read", "Only QA reviewers, leads and admins review conversations.") is { } refused)
        {
            return refused;
        }
        var conversation = await conversations.GetAsync(conversationId, ct);
        var facts = await reviews.FactsAsync(conversationId, ct);
        if (conversation is null || facts is null)
        {
            return ReviewOutcome.Refused<ReviewWorkspace>($"Conversation {conversationId} does not exist.");
        }
        var viewer = user.UserId() ?? 0;
        var open = (await scorecards.CurrentAsync(ct)).Where(s => !s.Retired).ToList();
        return ReviewOutcome.Done<ReviewWorkspace>(new ReviewWorkspace(
            conversationId,
            AutomaticChecks.For(facts, clock.GetUtcNow()),
            open,
            await teams.ListTeamsAsync(ct),
            await reviews.TemplatesUsedAsync(conversationId, ct),
            await reviews.ForConversationAsync(conversationId, ct),
            viewer,
            await OwnConversationAsync(conversation, viewer, ct)));
    }

    /// <summary>
    /// Scores the conversation against the latest version of a scorecard and stores the reviewer's review (replacing
    /// their earlier one) with its flags. Problems are named per criterion and flag; nothing is stored while any remain.
    /// </summary>
    public async Task<ReviewOutcome<ReviewSaved>> SaveAsync(ClaimsPrincipal user, long conversationId, string scorecardKey, int scorecardVersion, ReviewInput input,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await RefusalAsync<ReviewSaved>(user, Policies.Review, "review.save", "Only QA reviewers, leads and admins score conversations.") is { } refused)
        {
            return refused;
        }
        if (user.UserId() is not { } reviewer)
        {
            return ReviewOutcome.Refused<ReviewSaved>("Sign in again to score.");
        }
        var conversation = await conversations.GetAsync(conversationId, ct);
        if (conversation is null)
        {
            return ReviewOutcome.Refused<ReviewSaved>($"Conversation {conversationId} does not exist.");
        }
        if (await OwnConversationAsync(conversation, reviewer, ct) is { } own)
        {
            await RefuseAsync(user, "review.save", "own-conversation");
            return ReviewOutcome.Refused<ReviewSaved>(own);
        }
        if ((await scorecards.VersionsAsync(scorecardKey, ct)) is not [var latest, ..])
        {
            return ReviewOutcome.Refused<ReviewSaved>($"There is no scorecard '{scorecardKey}'.");
        }
        if (latest.Retired)
        {
            return ReviewOutcome.Refused<ReviewSaved>($"The scorecard “{latest.Scorecard.Name}” was retired; choose a current one.");
        }
        if (latest.Version != scorecardVersion)
        {
            return ReviewOutcome.Refused<ReviewSaved>(
                $"The scorecard “{latest.Scorecard.Name}” is now at version {latest.Version} (you scored version {scorecardVersion}); reload it and score again.");
        }
        var errors = input.Validate(latest.Scorecard);
        var teamId = await CheckFlagsAsync(errors, conversationId, input, ct);
        if (!errors.IsEmpty)
        {
            return ReviewOutcome.Invalid<ReviewSaved>(errors.ToDictionary());
        }
        var score = ScoreCalculator.Total(latest.Scorecard, input);
        var stored = await reviews.SaveAsync(new ReviewToSave(conversationId, reviewer, latest.Key, latest.Version, input, score.Percent, teamId),
            user.Actor(), clock.GetUtcNow(), ct);
        return stored.ReviewId is { } id
            ? ReviewOutcome.Done<ReviewSaved>(new ReviewSaved(id, score, stored.Replaced))
            : ReviewOutcome.Refused<ReviewSaved>(stored.Refusal!);
    }

    /// <summary>The latest version of every scorecard (retired ones marked), for the scorecards page and the reviewer's choice.</summary>
    public async Task<ReviewOutcome<IReadOnlyList<ScorecardVersion>>> ScorecardsAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await RefusalAsync<IReadOnlyList<ScorecardVersion>>(user, Policies.Review, "scorecards.read", "Only QA reviewers, leads and admins see scorecards.") is { } refused
            ? refused
            : ReviewOutcome.Done<IReadOnlyList<ScorecardVersion>>(await scorecards.CurrentAsync(ct));

    /// <summary>Every version of a scorecard, newest first.</summary>
    public async Task<ReviewOutcome<IReadOnlyList<ScorecardVersion>>> HistoryAsync(ClaimsPrincipal user, string key, CancellationToken ct) =>
        await RefusalAsync<IReadOnlyList<ScorecardVersion>>(user, Policies.Review, "scorecards.read", "Only QA reviewers, leads and admins see scorecards.") is { } refused
            ? refused
            : ReviewOutcome.Done<IReadOnlyList<ScorecardVersion>>(await scorecards.VersionsAsync(key, ct));

    /// <summary>
    /// Publishes a scorecard as its next version (a new one when <paramref name="expectedLatest"/> is null). Problems are
    /// named per criterion (<c>criteria[i].weight</c>); publishing over a version someone else published meanwhile is refused.
    /// </summary>
    public async Task<ReviewOutcome<int>> PublishScorecardAsync(ClaimsPrincipal user, Scorecard scorecard, int? expectedLatest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        if (await RefusalAsync<int>(user, Policies.Lead, "scorecard.publish", "Only leads and admins define scorecards.") is { } refused)
        {
            return refused;
        }
        var errors = scorecard.Validate();
        if (!errors.IsEmpty)
        {
            return ReviewOutcome.Invalid<int>(errors.ToDictionary());
        }
        var outcome = await scorecards.PublishAsync(scorecard, expectedLatest, user.Actor(), clock.GetUtcNow(), ct);
        return outcome.Version is { } version ? ReviewOutcome.Done<int>(version) : ReviewOutcome.Refused<int>(outcome.Refusal!);
    }

    /// <summary>Retires a scorecard (no new reviews against it; earlier reviews keep it) or brings it back.</summary>
    public async Task<ReviewOutcome<bool>> SetRetiredAsync(ClaimsPrincipal user, string key, bool retired, CancellationToken ct)
    {
        if (await RefusalAsync<bool>(user, Policies.Lead, retired ? "scorecard.retire" : "scorecard.unretire", "Only leads and admins define scorecards.") is { } refused)
        {
            return refused;
        }
        if ((await scorecards.VersionsAsync(key, ct)).Count == 0)
        {
            return ReviewOutcome.Refused<bool>($"There is no scorecard '{key}'.");
        }
        return ReviewOutcome.Done<bool>(await scorecards.SetRetiredAsync(key, retired, user.Actor(), clock.GetUtcNow(), ct));
    }

    /// <summary>The review queue over the last <paramref name="weeks"/> ISO weeks, <paramref name="perAgent"/> conversations per agent and week.</summary>
    public async Task<ReviewOutcome<ReviewQueueSample>> QueueAsync(ClaimsPrincipal user, int weeks, int perAgent, CancellationToken ct)
    {
        if (await RefusalAsync<ReviewQueueSample>(user, Policies.Review, "review.queue", "Only QA reviewers, leads and admins see the review queue.") is { } refused)
        {
            return refused;
        }
        weeks = Math.Clamp(weeks, ReviewQueueSample.MinWeeks, ReviewQueueSample.MaxWeeks);
        perAgent = Math.Clamp(perAgent, ReviewQueueSample.MinPerAgent, ReviewQueueSample.MaxPerAgent);
        var now = clock.GetUtcNow();
        var fromWeek = ReviewQueueSample.FirstWeek(now, weeks);
        var from = new DateTimeOffset(fromWeek.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var candidates = await reviews.QueueCandidatesAsync(from, now, ct);
        var names = (await teams.ListAgentsAsync(ct)).ToDictionary(a => a.UserId, a => a.Name);
        return ReviewOutcome.Done<ReviewQueueSample>(ReviewQueueSample.Build(fromWeek, weeks, perAgent, candidates, names));
    }

    /// <summary>Routing accuracy per rule over the period, the live rules first.</summary>
    public async Task<ReviewOutcome<IReadOnlyList<RuleAccuracy>>> RuleAccuracyAsync(ClaimsPrincipal user, FeedbackPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (await RefusalAsync<IReadOnlyList<RuleAccuracy>>(user, Policies.Review, "feedback.rules", "Only QA reviewers, leads and admins see review feedback.") is { } refused)
        {
            return refused;
        }
        var (from, to) = period.Range(clock.GetUtcNow());
        return ReviewOutcome.Done<IReadOnlyList<RuleAccuracy>>(await feedback.RuleAccuracyAsync(from, to, ct));
    }

    /// <summary>Uses, edit rate and misfit flags per template version over the period; one template's only when <paramref name="templateKey"/> is given.</summary>
    public async Task<ReviewOutcome<IReadOnlyList<TemplateVersionFeedback>>> TemplateFeedbackAsync(ClaimsPrincipal user, FeedbackPeriod period, string? templateKey,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (await RefusalAsync<IReadOnlyList<TemplateVersionFeedback>>(user, Policies.Review, "feedback.templates", "Only QA reviewers, leads and admins see review feedback.") is { } refused)
        {
            return refused;
        }
        var (from, to) = period.Range(clock.GetUtcNow());
        return ReviewOutcome.Done<IReadOnlyList<TemplateVersionFeedback>>(await feedback.TemplateFeedbackAsync(from, to, templateKey, ct));
    }

    /// <summary>
    /// A reviewer does not score their own work: whoever holds the conversation now, or replied in it before handing
    /// it on, may read reviews of it but not add one.
    /// </summary>
    private async Task<string?> OwnConversationAsync(ConversationRecord conversation, long viewer, CancellationToken ct) =>
        conversation.AssigneeId == viewer || await reviews.RepliedAsync(conversation.Id, viewer, ct)
            ? "You handled this conversation, so someone else reviews it."
            : null;

    /// <summary>The wrong-routing flag must name a team, and a misfit a template version sent in this conversation; returns the team's id.</summary>
    private async Task<long?> CheckFlagsAsync(ValidationErrors errors, long conversationId, ReviewInput input, CancellationToken ct)
    {
        long? teamId = null;
        if (input.Flags.OfType<WrongRouting>().FirstOrDefault() is { } wrong && !string.IsNullOrWhiteSpace(wrong.CorrectTeam))
        {
            teamId = (await teams.FindTeamAsync(wrong.CorrectTeam.Trim(), ct))?.Id;
            if (teamId is null)
            {
                errors.Add("flags.correctTeam", $"There is no team “{wrong.CorrectTeam}”.");
            }
        }
        var misfits = input.Flags.OfType<TemplateMisfit>().ToList();
        if (misfits.Count > 0)
        {
            var used = (await reviews.TemplatesUsedAsync(conversationId, ct)).Select(u => (u.TemplateKey, u.TemplateVersion)).ToHashSet();
            foreach (var misfit in misfits.Where(m => !used.Contains((m.TemplateKey, m.TemplateVersion))))
            {
                errors.Add("flags.templateKey", $"Template '{misfit.TemplateKey}' version {misfit.TemplateVersion} was not sent in this conversation.");
            }
        }
        return teamId;
    }

    private async Task<ReviewOutcome<T>?> RefusalAsync<T>(ClaimsPrincipal user, string policy, string action, string why)
    {
        if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            return null;
        }
        await RefuseAsync(user, action, policy);
        return ReviewOutcome.Refused<T>(why);
    }

    private Task RefuseAsync(ClaimsPrincipal user, string action, string reason) =>
        audit.AppendAsync(user.Actor(), "access.refused", action, new { policy = reason }, clock.GetUtcNow(), CancellationToken.None);
}
