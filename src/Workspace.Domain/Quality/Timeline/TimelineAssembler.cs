using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workspace.Domain.Conversations;
using Workspace.Domain.Privacy;
using Workspace.Domain.Routing;

namespace Workspace.Domain.Quality.Timeline;

/// <summary>
/// Interleaves a conversation's messages and events into one ordered timeline, each exactly once, masked
/// for the viewer. Entries are ordered by time; at the same instant (one transaction stores a first
/// message with its opening, routing and assignment) cause comes before effect: the opening, then
/// messages, then routing, then what followed it, then the automation that answered; within a rank,
/// messages by sequence and events by id.
/// </summary>
public static partial class TimelineAssembler
{
    public static IReadOnlyList<TimelineEntry> Assemble(TimelineInput input, TimelineViewer viewer)
    {
        var routedSeen = false;
        var entries = new List<(TimelineEntry Entry, int Rank, int Source, long Order)>(input.Messages.Count + input.Events.Count + 1);
        foreach (var m in input.Messages)
        {
            entries.Add((FromMessage(m, viewer), m.Author == AuthorKind.System ? 4 : 1, 0, m.Sequence));
        }
        foreach (var e in input.Events)
        {
            // The decision belongs to the conversation's first "routed" event; a later one (none are written today) stays an event.
            var routing = e.Kind == "routed" && !routedSeen ? input.Routing : null;
            routedSeen |= e.Kind == "routed";
            var entry = FromEvent(e, routing, input, viewer);
            entries.Add((entry, RankOf(entry.Kind), 1, e.Id));
        }
        if (!routedSeen && input.Routing is { } orphan)
        {
            entries.Add((RoutedEntry(orphan.DecidedAt, null, null, orphan, viewer), 2, 1, long.MaxValue));
        }
        return entries.OrderBy(e => e.Entry.At).ThenBy(e => e.Rank).ThenBy(e => e.Source).ThenBy(e => e.Order).Select(e => e.Entry).ToList();
    }

    private static int RankOf(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Opened => 0,
        TimelineEntryKind.Routed => 2,
        TimelineEntryKind.AutomationSkipped => 4,
        _ => 3,
    };

    private static TimelineEntry FromMessage(TimelineMessage m, TimelineViewer viewer)
    {
        var (kind, title) = m.Author switch
        {
            AuthorKind.Customer => (TimelineEntryKind.CustomerMessage, "Customer message"),
            AuthorKind.Agent => (TimelineEntryKind.AgentReply, $"Reply from {m.AuthorName ?? "an agent"}"),
            AuthorKind.Note => (TimelineEntryKind.InternalNote, $"Internal note by {m.AuthorName ?? "an agent"}"),
            AuthorKind.System => (TimelineEntryKind.AutomatedReply, "Automated reply"),
        };
        var template = m.TemplateKey is { } key ? TemplateOf(key, m, viewer) : null;
        List<TimelineDetail> details = [];
        if (template is not null)
        {
            details.Add(new("Template", $"“{template.Key}” version {template.Version?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}"));
            details.Add(new("Edited", m.Author == AuthorKind.System ? "no (sent as rendered, automatically)" : template.Edited ? "yes" : "no"));
        }
        return new TimelineEntry(kind, m.At, m.AuthorName, title, m.Body, details, Sequence: m.Sequence, Template: template);
    }

    private static TemplateUse TemplateOf(string key, TimelineMessage m, TimelineViewer viewer)
    {
        if (m.TemplateRendered is not { } rendered)
        {
            return new TemplateUse(key, m.TemplateVersion, m.Edited, null, false, []);
        }
        var diff = viewer.Diff(rendered, m.Body);
        if (viewer.SeesTemplateFields)
        {
            return new TemplateUse(key, m.TemplateVersion, m.Edited, rendered, false, diff);
        }
        // What the agent removed may hold a field this viewer does not see; what was kept or added is in the sent text anyway.
        var masked = new List<DiffPiece>(diff.Count);
        foreach (var piece in diff)
        {
            if (piece.Change != DiffChange.Removed)
            {
                masked.Add(piece);
            }
            else if (masked.Count == 0 || masked[^1].Change != DiffChange.Removed)
            {
                masked.Add(new DiffPiece(DiffChange.Removed, FieldPolicy.Mask));
            }
        }
        return new TemplateUse(key, m.TemplateVersion, m.Edited, null, true, masked);
    }

    private static TimelineEntry FromEvent(TimelineEvent e, ConversationRouting? routing, TimelineInput input, TimelineViewer viewer)
    {
        using var document = ParseData(e.Data);
        var data = document?.RootElement is { ValueKind: JsonValueKind.Object } root ? root : (JsonElement?)null;
        string? Text(string name) => data is { } d && TryGet(d, name, out var v) ? AsText(v) : null;
        long? Id(string name) => data is { } d && TryGet(d, name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id) ? id : null;
        string Team(long? id) => id is { } t ? input.TeamNames.GetValueOrDefault(t) ?? $"team {t}" : "no team";
        string? Staff(long? id) => id is { } s ? input.StaffNames.GetValueOrDefault(s) ?? $"user {s}" : null;
        TimelineEntry Entry(TimelineEntryKind kind, string title, params TimelineDetail?[] details) =>
            new(kind, e.At, e.ActorName, title, null, [.. details.OfType<TimelineDetail>()], EventId: e.Id, EventKind: e.Kind);
        TimelineDetail? Detail(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : new TimelineDetail(label, value);

        switch (e.Kind)
        {
            case "opened":
                return Entry(TimelineEntryKind.Opened, $"Conversation opened ({Text("channel") ?? "unknown channel"}) in {Team(Id("team"))}");
            case "routed":
                return RoutedEntry(e.At, e, data, routing, viewer);
            case "assigned":
            {
                var agent = Text("agent") ?? Staff(Id("agentId")) ?? e.ActorName ?? "an agent";
                var how = Text("how");
                return Entry(TimelineEntryKind.Assigned, $"Assigned to {agent}{(how is null ? "" : $" ({HowText(how)})")}",
                    Detail("How", how), Detail("Why", Text("reason")));
            }
            case "transferred":
            {
                var from = Text("fromAgent") is { } fromAgent ? $"{Text("fromTeam") ?? "no team"} ({fromAgent})" : Text("fromTeam") ?? "no team";
                var to = Staff(Id("toAgentId")) is { } toAgent ? $"{Team(Id("toTeamId"))} ({toAgent})" : $"the {Team(Id("toTeamId"))} queue";
                return Entry(TimelineEntryKind.Transferred, $"Transferred from {from} to {to}", Detail("Reason", Text("reason")));
            }
            case "returned-to-queue":
            {
                var agent = Text("agent") ?? Staff(Id("agentId")) ?? "the agent";
                return Entry(TimelineEntryKind.ReturnedToQueue, $"Returned to the queue: {agent} went offline", Detail("Reason", Text("reason")));
            }
            case "escalated":
                return Entry(TimelineEntryKind.Escalated, $"Escalated to {Team(Id("teamId"))}",
                    Detail("Previous attempts", Text("previousAttempts")), Detail("Customer impact", Text("customerImpact")),
                    Detail("Business context", MaskArr(Text("businessContext"), viewer)));
            case "snoozed":
                return Entry(TimelineEntryKind.Snoozed, data is { } d && TryGet(d, "until", out var until) && until.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(until.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                    ? $"Snoozed until {when.ToUniversalTime():yyyy-MM-dd HH:mm} UTC" : "Snoozed");
            case "woke":
                return Entry(TimelineEntryKind.Woke, "Woke from snooze: back in the open queue");
            case "resolved":
                return Entry(TimelineEntryKind.Resolved, "Resolved");
            case "reopened":
                return Entry(TimelineEntryKind.Reopened, "Reopened");
            case "csat":
                return Entry(TimelineEntryKind.Csat, $"Customer rated the conversation {Text("csat") ?? "?"} out of 5");
            case "automation-skipped":
                return Entry(TimelineEntryKind.AutomationSkipped,
                    $"Automated reply not sent{(Text("template") is { } t ? $" (template “{t}”)" : "")}", Detail("Reason", Text("reason")));
            default:
                return Entry(TimelineEntryKind.Other, $"Event “{e.Kind}”", [.. Generic(data, e.Data)]);
        }
    }

    private static string HowText(string how) => how switch
    {
        "claimed" => "claimed by the agent",
        "routing" => "by routing, on arrival",
        "queue" => "from the queue, when a seat freed",
        _ => how,
    };

    private static TimelineEntry RoutedEntry(DateTimeOffset at, TimelineEvent? e, JsonElement? data, ConversationRouting? routing, TimelineViewer viewer)
    {
        string? Text(string name) => data is { } d && TryGet(d, name, out var v) ? AsText(v) : null;
        var title = routing is { } r
            ? $"Routed by rule “{r.Decision.MatchedRuleName}” (ruleset version {r.Decision.RulesetVersion}) to {r.Team ?? "no team"}, {r.Decision.Priority}"
            : $"Routed by rule “{Text("rule") ?? "?"}” (ruleset version {Text("version") ?? "?"}) to {Text("team") ?? "no team"}, {Text("priority") ?? "?"}";
        var details = routing is null ? [] : RoutingTraceText.Details(routing, viewer);
        return new TimelineEntry(TimelineEntryKind.Routed, at, e?.ActorName, title, null, details, EventId: e?.Id, EventKind: e?.Kind, Routing: routing);
    }

    /// <summary>The escalation summary's business context is prefilled with the customer's ARR; the figure follows the policy.</summary>
    private static string? MaskArr(string? text, TimelineViewer viewer) =>
        text is null || viewer.Sees(FieldPolicy.Arr) ? text : ArrFigure().Replace(text, $"ARR {FieldPolicy.Mask}");

    private static IEnumerable<TimelineDetail> Generic(JsonElement? data, string? raw)
    {
        if (data is { } d)
        {
            foreach (var p in d.EnumerateObject())
            {
                yield return new TimelineDetail(p.Name, AsText(p.Value) ?? "");
            }
        }
        else if (!string.IsNullOrWhiteSpace(raw))
        {
            yield return new TimelineDetail("Data", raw);
        }
    }

    private static JsonDocument? ParseData(string? data)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            return null;
        }
        try
        {
            return JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Event data is written from anonymous objects, some camelCase and some PascalCase; names are matched either way.</summary>
    private static bool TryGet(JsonElement data, string name, out JsonElement value)
    {
        foreach (var p in data.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string? AsText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => v.GetRawText(),
    };

    [GeneratedRegex(@"\bARR\s+[0-9]+(?:[.,][0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex ArrFigure();
}
