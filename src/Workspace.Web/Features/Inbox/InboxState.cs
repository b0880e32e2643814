using Workspace.Data.Conversations;
using Workspace.Domain.Conversations;

namespace Workspace.Web.Features.Inbox;

/// <summary>
/// What the inbox shows, kept out of the component so it can be tested without rendering: the chosen
/// view, its rows and the counts of every view.
/// </summary>
public sealed class InboxState(InboxQueries queries)
{
    public const int PageSize = 200;

    public InboxView View { get; private set; } = InboxView.Mine;

    public IReadOnlyList<ConversationRecord> Rows { get; private set; } = [];

    public InboxCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public bool SeesAllTeams { get; private set; }

    public IReadOnlyList<InboxView> Views => SeesAllTeams
        ? [InboxView.Mine, InboxView.Team, InboxView.Unassigned, InboxView.All]
        : [InboxView.Mine, InboxView.Team, InboxView.Unassigned];

    public async Task LoadAsync(StaffScope staff, InboxView view, CancellationToken ct)
    {
        SeesAllTeams = ConversationAccess.SeesAllTeams(staff);
        View = view == InboxView.All && !SeesAllTeams ? InboxView.Mine : view;
        Rows = await queries.ListAsync(View, staff.UserId, SeesAllTeams, PageSize, ct);
        Counts = await queries.CountsAsync(staff.UserId, SeesAllTeams, ct);
    }

    public int CountOf(InboxView view) => view switch
    {
        InboxView.Mine => Counts.Mine,
        InboxView.Team => Counts.Team,
        InboxView.Unassigned => Counts.Unassigned,
        InboxView.All => Counts.All,
    };

    public static string LabelOf(InboxView view) => view switch
    {
        InboxView.Mine => "Mine",
        InboxView.Team => "Team queue",
        InboxView.Unassigned => "Unassigned",
        InboxView.All => "All",
    };
}
