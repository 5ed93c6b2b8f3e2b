using MathNet.Numerics.Distributions;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// The difference of two means measured on the same replications (common random numbers): the paired
/// Student-t interval of the per-replication differences, and for contrast Welch's unpaired interval on
/// the same numbers. Under common random numbers the two runs of a replication move together, so the
/// paired interval is the narrower one; that is what common random numbers buy.
/// </summary>
public readonly record struct PairedDifference(double Mean, double Ci95, double UnpairedCi95, int Count)
{
    private const double Level = 0.95;

    /// <summary>
    /// <paramref name="other"/> minus <paramref name="baseline"/>, pair by pair (index i of each is replication i).
    /// Pairs where either value is not finite are left out; half-widths are NaN with fewer than two pairs.
    /// </summary>
    public static PairedDifference Of(IReadOnlyList<double> baseline, IReadOnlyList<double> other)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(other);
        if (baseline.Count != other.Count)
            throw new ArgumentException($"Paired samples need equal counts, got {baseline.Count} and {other.Count}.", nameof(other));
        var a = new List<double>();
        var b = new List<double>();
        for (int i = 0; i < baseline.Count; i++)
        {
            if (!double.IsFinite(baseline[i]) || !double.IsFinite(other[i])) continue;
            a.Add(baseline[i]);
            b.Add(other[i]);
        }
        var paired = ConfidenceInterval.FromSamples(b.Zip(a, (x, y) => x - y).ToList(), Level);
        return new PairedDifference(paired.Mean, paired.HalfWidth, Welch(a, b), a.Count);
    }

    private static double Welch(List<double> a, List<double> b)
    {
        int n = a.Count;
        if (n < 2) return double.NaN;
        double va = Variance(a) / n, vb = Variance(b) / n;
        double se2 = va + vb;
        if (se2 == 0) return 0;
        // Welch-Satterthwaite degrees of freedom.
        double dof = se2 * se2 / (va * va / (n - 1) + vb * vb / (n - 1));
        return StudentT.InvCDF(0, 1, dof, (1 + Level) / 2) * Math.Sqrt(se2);
    }

    private static double Variance(List<double> x)
    {
        double mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1);
    }
}
