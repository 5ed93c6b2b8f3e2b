using MathNet.Numerics.LinearAlgebra;

namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// Standardised rank regression coefficients (Iman and Conover, 1979; Saltelli et al., "Global Sensitivity
/// Analysis: The Primer", 2008, §1.2.5): inputs and output replaced by their ranks (ties by mean rank), each
/// standardised, and the output regressed on the inputs by least squares; coefficient i says by how many standard
/// deviations the output's rank moves per standard deviation of input i's rank. Meaningful for monotone models
/// (check <see cref="RSquared"/>: near 1 means the ranks are well explained). Intervals: percentile bootstrap over samples.
/// </summary>
public static class RankRegression
{
    /// <param name="inputs">inputs[sample][input].</param>
    public static IReadOnlyList<SensitivityIndex> Estimate(IReadOnlyList<double[]> inputs, IReadOnlyList<double> output, Random random,
        double level = 0.95, int resamples = BootstrapInterval.DefaultResamples)
    {
        int n = output.Count, k = inputs.Count > 0 ? inputs[0].Length : 0;
        if (inputs.Count != n || k == 0) throw new ArgumentException("one row of inputs per output, at least one input", nameof(inputs));
        // One regression per resample gives every coefficient's resampled value at once.
        var intervals = BootstrapInterval.OfEach(n, k, rows => Coefficients(inputs, output, rows), random, level, resamples);
        return [.. intervals.Select((ci, i) => new SensitivityIndex(i, null, null, ci))];
    }

    /// <summary>The share of the output ranks' variance the regression on the input ranks explains.</summary>
    public static double RSquared(IReadOnlyList<double[]> inputs, IReadOnlyList<double> output)
    {
        int[] all = Enumerable.Range(0, output.Count).ToArray();
        var (x, y) = Standardised(inputs, output, all);
        if (x is null) return double.NaN;
        Vector<double> b = x.QR().Solve(y);
        Vector<double> residual = y - x * b;
        return 1 - residual.DotProduct(residual) / y.DotProduct(y);
    }

    /// <summary>The coefficients over the rows given (with repeats); NaN where a rank column has no spread.</summary>
    public static double[] Coefficients(IReadOnlyList<double[]> inputs, IReadOnlyList<double> output, int[] rows)
    {
        int k = inputs[0].Length;
        var (x, y) = Standardised(inputs, output, rows);
        if (x is null) return Enumerable.Repeat(double.NaN, k).ToArray();
        return x.QR().Solve(y).ToArray();
    }

    private static (Matrix<double>? X, Vector<double> Y) Standardised(IReadOnlyList<double[]> inputs, IReadOnlyList<double> output, int[] rows)
    {
        int n = rows.Length, k = inputs[0].Length;
        double[] y = Standardise(Ranks.Of(rows.Select(r => output[r]).ToArray()));
        var x = Matrix<double>.Build.Dense(n, k);
        for (int i = 0; i < k; i++)
        {
            double[] column = Standardise(Ranks.Of(rows.Select(r => inputs[r][i]).ToArray()));
            for (int r = 0; r < n; r++) x[r, i] = column[r];
        }
        bool degenerate = n <= k || y.Any(double.IsNaN) || x.Enumerate().Any(double.IsNaN);
        return (degenerate ? null : x, Vector<double>.Build.DenseOfArray(y));
    }

    /// <summary>Centred and scaled to unit (population) variance; NaN when every value is the same.</summary>
    private static double[] Standardise(double[] v)
    {
        double mean = v.Average();
        double sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length);
        return v.Select(x => sd > 0 ? (x - mean) / sd : double.NaN).ToArray();
    }
}
