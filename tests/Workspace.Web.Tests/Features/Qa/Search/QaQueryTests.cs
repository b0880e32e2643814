using Microsoft.AspNetCore.WebUtilities;
using Workspace.Data.Quality;
using Workspace.Domain.Conversations;
using Workspace.Domain.Customers;
using Workspace.Web.Features.Qa.Search;

namespace Workspace.Web.Tests.Features.Qa.Search;

/// <summary>A QA search travels in the URL: what a shared link means, and what a mistyped one says.</summary>
public sealed class QaQueryTests
{
    private static (QaQuery Query, IReadOnlyDictionary<string, string[]> Errors) Parse(string queryString)
    {
        var (query, errors) = QaQuery.Parse(QueryHelpers.ParseQuery(queryString));
        return (query, errors.ToDictionary());
    }

    [Fact]
    public void Parse_EveryFilter_ReachesTheSearch()
    {
        var (query, errors) = Parse("?from=2026-11-01&to=2026-11-25&team=3&agent=7&tier=Enterprise&stage=Onboarding&status=Resolved&csat=2"
            + "&csatMax=3&priority=P1&sla=missed&template=refund-confirmation&templateVersion=2&rule=enterprise&reassigned=yes&q=refund%20invoice"
            + "&review=wrong-routing&sort=csat&page=3&size=50");

        Assert.Empty(errors);
        var filter = query.ToFilter();
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), filter.From);
        // The end day is included: the filter's half-open end is the next midnight.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), filter.To);
        Assert.Equal(3, filter.TeamId);
        Assert.Equal(7, filter.AssigneeId);
        Assert.Equal(Tier.Enterprise, filter.Tier);
        Assert.Equal(LifecycleStage.Onboarding, filter.LifecycleStage);
        Assert.Equal(ConversationStatus.Resolved, filter.Status);
        Assert.Equal(2, filter.Csat);
        Assert.Equal(3, filter.CsatAtMost);
        Assert.Equal(Priority.P1, filter.Priority);
        Assert.False(filter.SlaMet);
        Assert.Equal("refund-confirmation", filter.TemplateKey);
        Assert.Equal(2, filter.TemplateVersion);
        Assert.Equal("enterprise", filter.RuleId);
        Assert.True(filter.Reassigned);
        Assert.Equal(QaReviewFilter.FlaggedWrongRouting, filter.Review);
        Assert.Equal("refund invoice", filter.Text);
        Assert.Equal(QaSort.Csat, query.Sort);
        Assert.Equal(100, query.Skip);
        Assert.Equal(50, query.PageSize);
    }

    [Fact]
    public void ToQueryString_ThenParse_GivesTheSameSearch()
    {
        var query = new QaQuery
        {
            From = new DateOnly(2026, 10, 1),
            TeamId = 2,
            SlaMet = true,
            Reassigned = false,
            Text = "can't log in & reset",
            Sort = QaSort.FirstResponse,
            Page = 2,
        };

        var (again, errors) = Parse(query.ToQueryString());

        Assert.Empty(errors);
        Assert.Equal(query, again);
    }

    [Fact]
    public void ToQueryString_EmptySearch_IsEmpty() => Assert.Equal("", new QaQuery().ToQueryString());

    [Fact]
    public void Parse_MistypedValues_NamesEachAndLeavesItOut()
    {
        var (query, errors) = Parse("?from=yesterday&tier=Gold&csat=9&sla=late&sort=loudest&size=7&team=abc&review=liked&q=refund");

        Assert.Contains("'yesterday' is not a date", errors["from"].Single(), StringComparison.Ordinal);
        Assert.Contains("'Gold' is not one of", errors["tier"].Single(), StringComparison.Ordinal);
        Assert.Contains("from 1 to 5", errors["csat"].Single(), StringComparison.Ordinal);
        Assert.Contains("'met' or 'missed'", errors["sla"].Single(), StringComparison.Ordinal);
        Assert.Contains("'loudest'", errors["sort"].Single(), StringComparison.Ordinal);
        Assert.Contains("25, 50, 100", errors["size"].Single(), StringComparison.Ordinal);
        Assert.Contains("'abc'", errors["team"].Single(), StringComparison.Ordinal);
        Assert.Contains("'liked' is not one of not-reviewed, reviewed, wrong-routing, misfit", errors["review"].Single(), StringComparison.Ordinal);
        // What could be read still applies.
        Assert.Equal("refund", query.Text);
        Assert.Null(query.From);
        Assert.Null(query.Tier);
        Assert.Equal(QaQuery.DefaultPageSize, query.PageSize);
    }

    [Fact]
    public void Parse_PeriodEndingBeforeItStarts_IsRefused()
    {
        var (query, errors) = Parse("?from=2026-11-20&to=2026-11-10");

        Assert.Contains("ends (2026-11-10) before it starts (2026-11-20)", errors["to"].Single(), StringComparison.Ordinal);
        Assert.Null(query.To);
    }

    [Fact]
    public void Parse_TemplateVersionWithoutTemplate_IsRefused()
    {
        var (query, errors) = Parse("?templateVersion=2");

        Assert.Contains("needs the template", errors["templateVersion"].Single(), StringComparison.Ordinal);
        Assert.Null(query.TemplateVersion);
    }

    [Fact]
    public void Parse_NumericEnumValues_AreNotAccepted()
    {
        // "2" would otherwise parse as the enum's second member and silently search something else.
        var (_, errors) = Parse("?priority=2&tier=1");

        Assert.True(errors.ContainsKey("priority"));
        Assert.True(errors.ContainsKey("tier"));
    }

    [Fact]
    public void Form_RoundTripsThroughTheQuery()
    {
        var query = new QaQuery { To = new DateOnly(2026, 11, 25), Csat = 1, TemplateKey = "welcome", TemplateVersion = 3, RuleId = "r1", Review = QaReviewFilter.FlaggedMisfit };

        var (again, errors) = QaQuery.Parse(QaSearchForm.Of(query).ToParameters());

        Assert.Empty(errors.ToDictionary());
        Assert.Equal(query, again);
    }
}
