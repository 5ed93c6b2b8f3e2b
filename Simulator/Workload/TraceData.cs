namespace HacaSim.Workload;

/// <summary>
/// A parsed request trace, held as three parallel arrays rather than an array of objects: ~20 bytes
/// a row, and a looped replay re-reads them, so memory stays flat however long the run.
/// </summary>
public sealed class TraceData
{
    private readonly double[] _timesSeconds;
    private readonly int[] _contextTokens;
    private readonly int[] _generatedTokens;

    /// <param name="timesSeconds">Row times in seconds, non-decreasing (the reader makes them relative to the first row).</param>
    /// <param name="contextTokens">Prompt tokens per row, >= 0.</param>
    /// <param name="generatedTokens">Output tokens per row, >= 0.</param>
    /// <param name="source">Where the rows came from (a path), for messages and result metadata.</param>
    public TraceData(double[] timesSeconds, int[] contextTokens, int[] generatedTokens, string source)
    {
        ArgumentNullException.ThrowIfNull(timesSeconds);
        ArgumentNullException.ThrowIfNull(contextTokens);
        ArgumentNullException.ThrowIfNull(generatedTokens);
        ArgumentNullException.ThrowIfNull(source);
        if (timesSeconds.Length == 0)
            throw new ArgumentException($"trace {source} has no rows.", nameof(timesSeconds));
        if (contextTokens.Length != timesSeconds.Length || generatedTokens.Length != timesSeconds.Length)
            throw new ArgumentException(
                $"trace {source}: {timesSeconds.Length} times, {contextTokens.Length} context counts and {generatedTokens.Length} generated counts; they must match.");
        for (int i = 0; i < timesSeconds.Length; i++)
        {
            if (!double.IsFinite(timesSeconds[i]) || (i > 0 && timesSeconds[i] < timesSeconds[i - 1]))
                throw new ArgumentException($"trace {source}: row {i} time {Require.Show(timesSeconds[i])} s is not finite and non-decreasing.", nameof(timesSeconds));
            if (contextTokens[i] < 0 || generatedTokens[i] < 0)
                throw new ArgumentException($"trace {source}: row {i} has a negative token count.");
        }
        _timesSeconds = timesSeconds;
        _contextTokens = contextTokens;
        _generatedTokens = generatedTokens;
        Source = source;
    }

    /// <summary>Where the rows came from.</summary>
    public string Source { get; }

    /// <summary>Number of rows (requests).</summary>
    public int Count => _timesSeconds.Length;

    /// <summary>Row <paramref name="index"/>.</summary>
    public TraceRow this[int index] => new(_timesSeconds[index], _contextTokens[index], _generatedTokens[index]);

    /// <summary>Row times in seconds, non-decreasing.</summary>
    public ReadOnlySpan<double> TimesSeconds => _timesSeconds;

    /// <summary>Prompt tokens per row.</summary>
    public ReadOnlySpan<int> ContextTokens => _contextTokens;

    /// <summary>Output tokens per row.</summary>
    public ReadOnlySpan<int> GeneratedTokens => _generatedTokens;

    /// <summary>Last row's time minus the first's.</summary>
    public double SpanSeconds => _timesSeconds[^1] - _timesSeconds[0];
}
