using System.Text;
using Workspace.Data.Quality;
using Workspace.Domain.Quality;

namespace Workspace.Web.Features.Qa.Reviews;

/// <summary>
/// A scorecard being defined on the scorecards page, as plain state: its criteria rows (added, removed, reordered),
/// the version it started from, and the problems keyed as <see cref="Scorecard.Validate"/> keys them, read back per row.
/// A criterion keeps its id across versions (reviews refer to it); a new one gets an id from its label when published.
/// </summary>
public sealed class ScorecardDraft
{
    private ScorecardDraft(string key, string name, int? basedOn, IEnumerable<Row> rows)
    {
        Key = key;
        Name = name;
        BasedOn = basedOn;
        Criteria = [.. rows];
    }

    public sealed class Row
    {
        public string? Id { get; init; }

        public string Label { get; set; } = "";

        public string? Description { get; set; }

        public int Weight { get; set; } = 1;

        public int MaxScore { get; set; } = 4;

        public bool AllowNotApplicable { get; set; }
    }

    public string Key { get; set; }

    public string Name { get; set; }

    /// <summary>The version this draft was started from; null for a new scorecard.</summary>
    public int? BasedOn { get; }

    public bool IsNew => BasedOn is null;

    public List<Row> Criteria { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public static ScorecardDraft New() => new("", "", null, [new Row()]);

    public static ScorecardDraft From(ScorecardVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.Key, version.Scorecard.Name, version.Version, version.Scorecard.Criteria.Select(c => new Row
        {
            Id = c.Id,
            Label = c.Label,
            Description = c.Description,
            Weight = c.Weight,
            MaxScore = c.MaxScore,
            AllowNotApplicable = c.AllowNotApplicable,
        }));
    }

    public void Add() => Criteria.Add(new Row());

    public void Remove(Row row) => Criteria.Remove(row);

    public void Move(Row row, int by)
    {
        var at = Criteria.IndexOf(row);
        var to = at + by;
        if (at < 0 || to < 0 || to >= Criteria.Count)
        {
            return;
        }
        Criteria.RemoveAt(at);
        Criteria.Insert(to, row);
    }

    /// <summary>The scorecard as drafted, new criteria given ids from their labels (unique within the scorecard).</summary>
    public Scorecard ToScorecard()
    {
        var taken = Criteria.Where(r => r.Id is not null).Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);
        var criteria = Criteria.Select(r =>
        {
            var id = r.Id;
            if (id is null)
            {
                var stem = Slug(r.Label);
                id = stem;
                for (var n = 2; !taken.Add(id); n++)
                {
                    id = $"{stem}-{n}";
                }
            }
            return new ScorecardCriterion(id, r.Label.Trim(), string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(), r.Weight, r.MaxScore, r.AllowNotApplicable);
        }).ToList();
        return new Scorecard(Key.Trim(), Name.Trim(), criteria);
    }

    /// <summary>Checks the draft as it stands, so problems show beside each criterion as the lead types.</summary>
    public void Validate() => Errors = ToScorecard().Validate().ToDictionary();

    public IReadOnlyList<string> ErrorsFor(int row) =>
        [.. Errors.Where(e => e.Key.StartsWith($"criteria[{row}].", StringComparison.Ordinal)).SelectMany(e => e.Value)];

    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    private static string Slug(string label)
    {
        var builder = new StringBuilder();
        foreach (var c in label.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 48)
        {
            slug = slug[..48].Trim('-');
        }
        return slug.Length == 0 ? "criterion" : slug;
    }
}
