using System.Text;
using Scriban.Runtime;

namespace Workspace.Domain.Templates;

/// <summary>
/// Where a render writes its message. It counts every write and refuses the one that would pass the cap,
/// so a template of many small writes is stopped as surely as one huge write.
/// </summary>
internal sealed class BoundedOutput(int capacity) : IScriptOutput
{
    private readonly StringBuilder _text = new(256);

    public bool Exceeded { get; private set; }

    public void Write(string value, int offset, int count)
    {
        if (Exceeded || _text.Length + count > capacity)
        {
            Exceeded = true;
            throw new InvalidOperationException("The rendered message exceeds the output limit.");
        }
        _text.Append(value, offset, count);
    }

    public ValueTask WriteAsync(string value, int offset, int count, CancellationToken cancellationToken)
    {
        Write(value, offset, count);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => _text.ToString();
}
