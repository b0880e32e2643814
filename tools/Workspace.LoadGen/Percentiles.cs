namespace Workspace.LoadGen;

/// <summary>Nearest-rank percentiles of a set of durations in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double At(double percent) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public override string ToString() => Count == 0
        ? "n/a"
        : $"p50 {Ms(At(50))}  p95 {Ms(At(95))}  p99 {Ms(At(99))}  max {Ms(Max)}  (n={Count:N0})";

    public static string Ms(double value) => double.IsNaN(value) ? "n/a" : value < 10 ? $"{value:0.00} ms" : $"{value:0.0} ms";
}
