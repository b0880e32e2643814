namespace Workspace.Domain.Routing;

/// <summary>
/// A transparent intent detector: each intent has a list of phrases (leads edit them); the intent whose
/// phrases occur most often in the text wins, ties going to the earlier intent in the list, and the
/// result names the phrases that decided it. No phrase found means no intent.
/// </summary>
public sealed class IntentDetector(IReadOnlyDictionary<Intent, IReadOnlyList<string>> phrases)
{
    public static readonly IReadOnlyDictionary<Intent, IReadOnlyList<string>> DefaultPhrases = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Outage] = ["outage", "down", "nothing loads", "not loading", "timeouts", "unavailable", "500 error", "status page"],
        [Intent.Bug] = ["bug", "error", "broken", "does nothing", "crash", "wrong data", "no data", "not working", "fails"],
        [Intent.Integration] = ["api", "webhook", "integration", "sync", "salesforce", "hubspot", "slack", "token", "429", "rate limit", "sdk"],
        [Intent.Billing] = ["invoice", "charged", "charge", "refund", "billing", "payment", "vat", "seats", "price", "subscription"],
        [Intent.Account] = ["password", "sso", "2fa", "two-factor", "login", "log in", "access", "permission", "remove user", "security"],
        [Intent.HowTo] = ["how do i", "how to", "where do i", "where can i", "is there a way", "can i", "set up", "configure"],
    };

    public IReadOnlyDictionary<Intent, IReadOnlyList<string>> Phrases { get; } = phrases;

    public IntentDetection Detect(string text)
    {
        var lower = text.ToLowerInvariant();
        Intent? best = null;
        IReadOnlyList<string> bestHits = [];
        foreach (var (intent, list) in Phrases)
        {
            var hits = list.Where(p => Occurs(lower, p.ToLowerInvariant())).ToList();
            if (hits.Count > bestHits.Count)
            {
                (best, bestHits) = (intent, hits);
            }
        }
        var reason = best is { } found
            ? $"{found}: matched {string.Join(", ", bestHits.Select(h => $"“{h}”"))}."
            : "No intent phrase found.";
        return new IntentDetection(best, bestHits, reason);
    }

    /// <summary>
    /// A phrase counts as whole words: "api" is found in "the API returns" but not in "capital". A plain scan, not a
    /// regular expression: it is linear in the text, so no timeout can fail the routing of a long message on a busy machine.
    /// </summary>
    internal static bool Occurs(string text, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);
}

public sealed record IntentDetection(Intent? Intent, IReadOnlyList<string> MatchedPhrases, string Reason);
