namespace Workspace.LoadGen;

/// <summary>
/// The run checked against the stored set: every acknowledged message stored exactly once under its
/// acknowledged sequence, every stored message after the agent subscribed observed exactly once on the
/// agent side, and each conversation's sequences 1..n without a gap.
/// </summary>
internal sealed record Verification(
    int Conversations,
    long StoredMessages,
    int LostFromStore,
    int LostOnAgentSide,
    int DuplicatedInStore,
    int DuplicatedOnAgentSide,
    int SequenceGaps,
    int AckSequenceMismatches,
    int StoredDespiteError,
    int Unanswered,
    IReadOnlyList<string> Examples)
{
    private const int MaxExamples = 10;

    public int Lost => LostFromStore + LostOnAgentSide;

    public int Duplicated => DuplicatedInStore + DuplicatedOnAgentSide;

    public bool Passed => Lost == 0 && Duplicated == 0 && SequenceGaps == 0;

    public static Verification Check(IReadOnlyList<SentMessage> messages, IReadOnlyDictionary<long, IReadOnlyList<Wire.StoredMessage>> stored)
    {
        var gaps = 0;
        var duplicatedInStore = 0;
        var where = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (_, list) in stored)
        {
            long previous = 0;
            foreach (var message in list)
            {
                if (message.Sequence != previous + 1)
                {
                    gaps++;
                }
                previous = message.Sequence;
                if (!where.TryAdd(message.ClientMessageId, message.Sequence))
                {
                    duplicatedInStore++;
                }
            }
        }

        int lostFromStore = 0, lostOnAgentSide = 0, duplicatedOnAgentSide = 0, mismatches = 0, storedDespiteError = 0, unanswered = 0;
        var examples = new List<string>();
        void Example(string what, SentMessage m)
        {
            if (examples.Count < MaxExamples)
            {
                examples.Add($"{what}: {m.ClientMessageId} ({m.Kind}, {m.State}, ack sequence {m.AckSequence}, observed {m.Deliveries}x{(m.Error is null ? "" : ", error: " + m.Error)})");
            }
        }
        foreach (var message in messages)
        {
            var isStored = where.TryGetValue(message.ClientMessageId, out var sequence);
            switch (message.State)
            {
                case MessageState.Acked when !isStored:
                    lostFromStore++;
                    Example("acked but not stored", message);
                    break;
                case MessageState.Acked when sequence != message.AckSequence:
                    mismatches++;
                    break;
                case MessageState.Failed when isStored:
                    storedDespiteError++;
                    break;
                case MessageState.Pending:
                    unanswered++;
                    break;
                case MessageState.Acked:
                case MessageState.Failed:
                    break;
            }
            // The opening message is stored before the agent side subscribes, so it is not expected there.
            if (message.Kind != MessageKind.Opening && isStored && message.Deliveries == 0)
            {
                lostOnAgentSide++;
                Example($"stored as sequence {sequence} but never observed by the agent side", message);
            }
            if (message.Deliveries > 1)
            {
                duplicatedOnAgentSide += message.Deliveries - 1;
                Example("observed more than once by the agent side", message);
            }
        }
        return new Verification(stored.Count, stored.Values.Sum(l => (long)l.Count), lostFromStore, lostOnAgentSide, duplicatedInStore,
            duplicatedOnAgentSide, gaps, mismatches, storedDespiteError, unanswered, examples);
    }
}
