using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Workspace.Data.Quality;
using Workspace.Data.Routing;
using Workspace.Data.Staff;
using Workspace.Data.Teams;
using Workspace.Data.Templates;
using Workspace.Domain.Staff;
using Workspace.Web.Features.Auth;

namespace Workspace.Web.Features.Qa.Search;

/// <summary>
/// The QA conversation search: what the filters offer, one page of results, and every result for the export.
/// Each call checks the caller may review conversations (QA, leads, admins), whatever the page showed them.
/// </summary>
public sealed class QaSearchService(
    QaSearchQueries queries, TeamRepository teams, StaffRepository staff, RoutingRepository routing, TemplateRepository templates,
    IAuthorizationService authorization, TimeProvider clock)
{
    /// <summary>An export stops at this many conversations, the newest first when the search sorts that way.</summary>
    public const int MaxExportRows = 10_000;

    private const int ExportBatch = 500;

    public async Task<QaSearchOptions> OptionsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await RequireAsync(user);
        var teamList = await teams.ListTeamsAsync(ct);
        var agents = (await staff.ListAsync(ct))
            .Where(u => u.Roles.Contains(Role.Agent) || u.Roles.Contains(Role.Lead))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => new QaOption<long>(u.Id, u.IsDisabled ? $"{u.DisplayName} (disabled)" : u.DisplayName))
            .ToList();
        // Decisions keep the rule ids of whichever version routed them, so every version's rules are offered,
        // under the name the newest version gives them.
        var rules = (await routing.VersionsAsync(ct))
            .OrderByDescending(v => v.Version)
            .SelectMany(v => v.Definition.Rules.Select(r => (r.Id, r.Name)))
            .DistinctBy(r => r.Id, StringComparer.Ordinal)
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new QaOption<string>(r.Id, r.Name))
            .ToList();
        var library = await templates.LibraryAsync(ct);
        var templateOptions = library.Templates
            .OrderBy(t => t.Definition.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new QaTemplateOption(t.Definition.Key, t.Definition.Name, t.Version))
            .ToList();
        return new QaSearchOptions(
            teamList.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => new QaOption<long>(t.Id, t.Name)).ToList(),
            agents, rules, templateOptions);
    }

    public async Task<QaResultPage> SearchAsync(ClaimsPrincipal user, QaQuery query, CancellationToken ct)
    {
        await RequireAsync(user);
        var (rows, total) = await queries.SearchAsync(query.ToFilter(), query.Sort, query.Skip, query.PageSize, clock.GetUtcNow(), ct);
        return new QaResultPage(rows, total, !string.IsNullOrWhiteSpace(query.Text) && total >= QaSearchQueries.MaxTextMatches);
    }

    /// <summary>Every matching conversation in the search's order, up to <see cref="MaxExportRows"/>, read in batches.</summary>
    public async IAsyncEnumerable<QaSearchRow> ExportRowsAsync(ClaimsPrincipal user, QaQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await RequireAsync(user);
        var now = clock.GetUtcNow();
        // Pinned to what existed when the export began: conversations opened meanwhile would shift the pages
        // under the newest-first orders and repeat or skip rows.
        var filter = query.ToFilter();
        if (filter.To is null || filter.To > now)
        {
            filter = filter with { To = now };
        }
        for (var skip = 0; skip < MaxExportRows; skip += ExportBatch)
        {
            var (rows, _) = await queries.SearchAsync(filter, query.Sort, skip, Math.Min(ExportBatch, MaxExportRows - skip), now, ct);
            foreach (var row in rows)
            {
                yield return row;
            }
            if (rows.Count < ExportBatch)
            {
                yield break;
            }
        }
    }

    private async Task RequireAsync(ClaimsPrincipal user)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.Review)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only QA reviewers, leads and admins can search conversations for review.");
        }
    }
}

public sealed record QaOption<T>(T Value, string Label);

public sealed record QaTemplateOption(string Key, string Name, int LatestVersion);

public sealed record QaSearchOptions(
    IReadOnlyList<QaOption<long>> Teams, IReadOnlyList<QaOption<long>> Agents, IReadOnlyList<QaOption<string>> Rules,
    IReadOnlyList<QaTemplateOption> Templates);

/// <summary>One page of results; <see cref="TextCapped"/> says the text search stopped at its cap of newest matches.</summary>
public sealed record QaResultPage(IReadOnlyList<QaSearchRow> Rows, int Total, bool TextCapped);
