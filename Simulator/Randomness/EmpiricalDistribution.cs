namespace HacaSim.Randomness;

/// <summary>Resamples observed values with equal weight (a bootstrap of measured service times).</summary>
public sealed class EmpiricalDistribution : IDistribution
{
    private readonly double[] _values;
    private readonly Random _rng;

    public EmpiricalDistribution(IReadOnlyCollection<double> values, Random rng)
    {
        if (values.Count == 0) throw new ArgumentException("an empirical distribution needs at least one value", nameof(values));
        _values = values.ToArray();
        if (_values.Any(v => !double.IsFinite(v))) throw new ArgumentException("empirical values must be finite", nameof(values));
        _rng = rng;
        Mean = _values.Average();
        Variance = _values.Length > 1 ? _values.Sum(v => (v - Mean) * (v - Mean)) / _values.Length : 0;
    }

    public double Sample() => _values[_rng.Next(_values.Length)];

    /// <summary>One value picked with probability proportional to the value (the size-biased law; negative values weigh 0).</summary>
    public double SampleWeightedByValue(Random rng)
    {
        double total = _values.Sum(v => Math.Max(0, v));
        if (total <= 0) return 0;
        double target = rng.NextDouble() * total;
        foreach (double v in _values)
        {
            target -= Math.Max(0, v);
            if (target < 0) return v;
        }
        return _values.Last(v => v > 0);
    }
    public double Mean { get; }
    public double Minimum => _values.Min();

    /// <summary>The variance of the resampling distribution (population variance of the values).</summary>
    public double Variance { get; }
}
