namespace HacaSim.Workload;

/// <summary>
/// A rate table: piece i runs at rates[i] from starts[i] until the next start, and the last rate
/// continues for ever. For scripted scenarios ("quiet, then a flash crowd, then normal").
/// </summary>
public sealed class PiecewiseConstantRate : IRateProfile
{
    private readonly double[] _startsSeconds;
    private readonly double[] _ratesPerSecond;

    /// <param name="pieces">(start, rate) pairs; the first start must be 0 and starts strictly increasing.</param>
    public PiecewiseConstantRate(IReadOnlyList<(double StartSeconds, double RatePerSecond)> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        if (pieces.Count == 0)
            throw new ArgumentException("a rate table needs at least one (startSeconds, rate) piece.", nameof(pieces));
        // Requiring an explicit piece at 0 rather than assuming a rate before the first start keeps
        // a typo in the first start from silently becoming a quiet period.
        if (pieces[0].StartSeconds != 0)
            throw new ArgumentException(
                $"the first piece must start at 0 s, but starts at {Require.Show(pieces[0].StartSeconds)} s; add a (0, rate) piece.",
                nameof(pieces));
        _startsSeconds = new double[pieces.Count];
        _ratesPerSecond = new double[pieces.Count];
        for (int i = 0; i < pieces.Count; i++)
        {
            var (start, rate) = pieces[i];
            if (!double.IsFinite(start) || (i > 0 && !(start > _startsSeconds[i - 1])))
                throw new ArgumentException(
                    $"piece {i} starts at {Require.Show(start)} s; starts must be finite and strictly increasing.", nameof(pieces));
            Require.NonNegativeFinite(rate, $"{nameof(pieces)}[{i}].RatePerSecond");
            _startsSeconds[i] = start;
            _ratesPerSecond[i] = rate;
        }
        MaxRatePerSecond = _ratesPerSecond.Max();
        if (MaxRatePerSecond == 0)
            throw new ArgumentException("at least one piece of a rate table must have a rate > 0.", nameof(pieces));

        int firstSilent = _ratesPerSecond.Length;
        while (firstSilent > 0 && _ratesPerSecond[firstSilent - 1] == 0) firstSilent--;
        EndSeconds = firstSilent == _ratesPerSecond.Length ? double.PositiveInfinity : _startsSeconds[firstSilent];

        double lastRate = _ratesPerSecond[^1];
        MeanRatePerSecond = lastRate > 0 ? lastRate : ExpectedCountUntil(EndSeconds) / EndSeconds;
    }

    public double RatePerSecond(double timeSeconds)
    {
        int index = Array.BinarySearch(_startsSeconds, timeSeconds);
        // A miss returns the complement of the next start's index; the piece is the one before it.
        return _ratesPerSecond[index >= 0 ? index : Math.Max(~index - 1, 0)];
    }

    public double MaxRatePerSecond { get; }

    /// <summary>
    /// The last rate, which continues for ever; if the table ends silent (last rate 0), the mean over
    /// [0, <see cref="EndSeconds"/>), since a long-run mean of 0 would say nothing about capacity.
    /// </summary>
    public double MeanRatePerSecond { get; }

    public double EndSeconds { get; }

    /// <summary>The integral of the rate over [0, <paramref name="timeSeconds"/>]: the expected arrival count.</summary>
    public double ExpectedCountUntil(double timeSeconds)
    {
        double count = 0;
        for (int i = 0; i < _startsSeconds.Length && _startsSeconds[i] < timeSeconds; i++)
        {
            double end = i + 1 < _startsSeconds.Length ? Math.Min(_startsSeconds[i + 1], timeSeconds) : timeSeconds;
            count += _ratesPerSecond[i] * (end - _startsSeconds[i]);
        }
        return count;
    }
}
