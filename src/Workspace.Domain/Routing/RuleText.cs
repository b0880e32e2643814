namespace Workspace.Domain.Routing;

/// <summary>Rules, conditions and actions in the words the editor, diffs and traces use.</summary>
public static class RuleText
{
    public static string Symbol(RuleOperator op) => op switch
    {
        RuleOperator.Equals => "is",
        RuleOperator.NotEquals => "is not",
        RuleOperator.In => "is one of",
        RuleOperator.NotIn => "is none of",
        RuleOperator.GreaterThan => ">",
        RuleOperator.LessThan => "<",
        RuleOperator.AtLeast => "≥",
        RuleOperator.AtMost => "≤",
        RuleOperator.Between => "between",
        RuleOperator.Contains => "contains",
    };

    public static string Describe(RuleCondition c)
    {
        var label = RuleField.Find(c.Field)?.Label ?? c.Field;
        var values = c.Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        var shown = c.Operator == RuleOperator.Between && values.Count == 2 ? $"{values[0]} and {values[1]}" : string.Join(", ", values);
        return $"{label} {Symbol(c.Operator)} {shown}".TrimEnd();
    }

    public static string Describe(RoutingRule rule) =>
        rule.IsCatchAll ? "always" : string.Join(rule.MatchAll ? " and " : " or ", rule.Conditions.Select(Describe));

    public static string Describe(RuleActions a)
    {
        var parts = new List<string>();
        if (a.Team is { } team)
        {
            parts.Add($"route to {team}");
        }
        if (a.RequiredSkills.Count > 0)
        {
            parts.Add($"require {string.Join(", ", a.RequiredSkills)}");
        }
        if (a.Priority is { } p)
        {
            parts.Add(p.ToString());
        }
        if (a.FirstResponseMinutes is { } first)
        {
            parts.Add($"first response {Minutes(first)}");
        }
        if (a.ResolutionMinutes is { } resolution)
        {
            parts.Add($"resolution {Minutes(resolution)}");
        }
        if (a.Sticky != StickyPreference.None)
        {
            parts.Add(a.Sticky == StickyPreference.LastAgent ? "prefer the last agent" : "prefer the account owner");
        }
        if (a.ReplyTemplate is { } template)
        {
            parts.Add($"reply with template “{template}” and wait");
        }
        return string.Join(", ", parts);
    }

    public static string Minutes(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 1440 == 0 => $"{minutes / 1440} d",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };
}
