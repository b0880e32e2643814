using System.Net.Http.Json;
using System.Text.Json;

namespace Workspace.LoadGen;

/// <summary>Reads every conversation back through the REST API: the stored set is the truth the run is checked against.</summary>
internal sealed class StoreVerifier(Uri baseUrl, string apiKey)
{
    private const int Page = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Wire.StoredMessage>>> ReadAllAsync(IReadOnlyList<long> conversationIds, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var stored = new Dictionary<long, IReadOnlyList<Wire.StoredMessage>>();
        var gate = new Lock();
        await Parallel.ForEachAsync(conversationIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) =>
        {
            var messages = new List<Wire.StoredMessage>();
            long after = 0;
            // Bounded: a conversation of this run holds at most a few thousand messages.
            for (var page = 0; page < 1000; page++)
            {
                var response = await http.GetFromJsonAsync<Wire.StoredMessages>(
                    new Uri($"api/v1/conversations/{id}/messages?after={after}&take={Page}", UriKind.Relative), Json, token)
                    ?? throw new InvalidOperationException($"Conversation {id}: empty response.");
                messages.AddRange(response.Messages);
                if (response.Messages.Count < Page)
                {
                    break;
                }
                after = response.Messages[^1].Sequence;
            }
            lock (gate)
            {
                stored[id] = messages;
            }
        });
        return stored;
    }
}
