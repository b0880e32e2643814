using Workspace.Data.Quality;
using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>
/// The review panel's form as plain state: an answer per criterion of the chosen scorecard, the comments, the two
/// flags, the total so far (computed as the reviewer scores, with the same calculator that stores it), and the
/// problems the last save reported, by criterion.
/// </summary>
public sealed class ReviewForm
{
    /// <summary>Starts from the reviewer's earlier review when it was against this scorecard, answers matched by criterion id.</summary>
    public ReviewForm(ScorecardVersion scorecard, ReviewRecord? earlier)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        Scorecard = scorecard;
        var previous = earlier?.ScorecardKey == scorecard.Key ? earlier : null;
        Answers = [.. scorecard.Scorecard.Criteria.Select(c =>
        {
            var answer = previous?.Answers.FirstOrDefault(a => a.CriterionId == c.Id);
            return new Answer(c)
            {
                Score = answer?.Score is { } s && s <= c.MaxScore ? s : null,
                NotApplicable = answer is { Score: null } && c.AllowNotApplicable,
                Comment = answer?.Comment,
            };
        })];
        Comment = previous?.Comment;
        if (earlier?.WrongRoutingTeamName is { } team)
        {
            WrongRouting = true;
            CorrectTeam = team;
            WrongRoutingNote = earlier.WrongRoutingNote;
        }
        if (earlier?.Misfits is [var misfit, ..])
        {
            Misfit = true;
            MisfitTemplate = TemplateChoice(misfit.TemplateKey, misfit.TemplateVersion);
            MisfitNote = misfit.Note;
        }
    }

    public sealed class Answer(ScorecardCriterion criterion)
    {
        public ScorecardCriterion Criterion { get; } = criterion;

        public int? Score { get; set; }

        public bool NotApplicable { get; set; }

        public string? Comment { get; set; }

        public bool IsAnswered => Score is not null || NotApplicable;

        public void Choose(int score)
        {
            Score = score;
            NotApplicable = false;
        }

        public void ChooseNotApplicable()
        {
            Score = null;
            NotApplicable = true;
        }
    }

    public ScorecardVersion Scorecard { get; }

    public IReadOnlyList<Answer> Answers { get; }

    public string? Comment { get; set; }

    public bool WrongRouting { get; set; }

    public string? CorrectTeam { get; set; }

    public string? WrongRoutingNote { get; set; }

    public bool Misfit { get; set; }

    /// <summary>The template version chosen, as <see cref="TemplateChoice"/> writes it.</summary>
    public string? MisfitTemplate { get; set; }

    public string? MisfitNote { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public static string TemplateChoice(string key, int version) => $"{key}@{version}";

    /// <summary>The review as the reviewer filled it in; unanswered criteria are left out (the save names them).</summary>
    public ReviewInput ToInput()
    {
        var flags = new List<ReviewFlag>();
        if (WrongRouting)
        {
            flags.Add(new WrongRouting(CorrectTeam ?? "", WrongRoutingNote));
        }
        if (Misfit)
        {
            var (key, version) = ParseChoice(MisfitTemplate);
            flags.Add(new TemplateMisfit(key, version, MisfitNote));
        }
        return new ReviewInput([.. Answers.Where(a => a.IsAnswered).Select(a => new CriterionAnswer(a.Criterion.Id, a.NotApplicable ? null : a.Score, a.Comment))],
            Comment, flags);
    }

    /// <summary>
    /// The total over the criteria answered so far, as <see cref="ScoreCalculator"/> computes it; once every criterion is
    /// answered it is the total the review is stored with. Null while nothing scorable is answered.
    /// </summary>
    public decimal? TotalSoFar
    {
        get
        {
            var answered = Answers.Where(a => a.IsAnswered).ToList();
            if (answered.Count == 0)
            {
                return null;
            }
            var partial = Scorecard.Scorecard with { Criteria = [.. answered.Select(a => a.Criterion)] };
            var input = new ReviewInput([.. answered.Select(a => new CriterionAnswer(a.Criterion.Id, a.NotApplicable ? null : a.Score))], null, []);
            return ScoreCalculator.Total(partial, input).Percent;
        }
    }

    public int AnsweredCount => Answers.Count(a => a.IsAnswered);

    public bool IsComplete => Answers.All(a => a.IsAnswered);

    /// <summary>The problems about one criterion (its answer and its comment).</summary>
    public IReadOnlyList<string> ErrorsFor(string criterionId) =>
        [.. Errors.Where(e => e.Key == $"answers.{criterionId}" || e.Key.StartsWith($"answers.{criterionId}.", StringComparison.Ordinal)).SelectMany(e => e.Value)];

    /// <summary>The problems about the wrong-routing flag (the first flag when set).</summary>
    public IReadOnlyList<string> WrongRoutingErrors => FlagErrors(WrongRouting ? 0 : -1, "flags.correctTeam");

    /// <summary>The problems about the misfit flag (after the wrong-routing flag when both are set).</summary>
    public IReadOnlyList<string> MisfitErrors => FlagErrors(Misfit ? (WrongRouting ? 1 : 0) : -1, "flags.templateKey");

    private List<string> FlagErrors(int index, string serviceKey) =>
        [.. Errors.Where(e => e.Key == serviceKey || (index >= 0 && e.Key.StartsWith($"flags[{index}]", StringComparison.Ordinal))).SelectMany(e => e.Value)];

    /// <summary>The problems not shown beside a criterion or a flag (the overall comment, flags as a whole).</summary>
    public IReadOnlyList<string> OtherErrors =>
        [.. Errors.Where(e => !e.Key.StartsWith("answers.", StringComparison.Ordinal) && !e.Key.StartsWith("flags", StringComparison.Ordinal)).SelectMany(e => e.Value),
         .. Errors.Where(e => e.Key == "flags").SelectMany(e => e.Value)];

    private static (string Key, int Version) ParseChoice(string? choice)
    {
        var at = choice?.LastIndexOf('@') ?? -1;
        return at > 0 && int.TryParse(choice![(at + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? (choice[..at], version)
            : ("", 0);
    }
}
