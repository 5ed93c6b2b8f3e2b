namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// First-order and total Sobol indices from the outputs of a <see cref="SaltelliDesign"/> (Saltelli et al., 2010,
/// Table 2): with f_A, f_B and f_AB(i) the outputs at the rows of A, B and A with column i from B, and V the
/// variance of f_A and f_B together,
/// S_i = mean(f_B (f_AB(i) - f_A)) / V (their estimator (b)) and
/// S_Ti = mean((f_A - f_AB(i))^2) / (2V) (Jansen, 1999; their estimator (f)).
/// Intervals: percentile bootstrap over the N row groups j, each index recomputed with its own V.
/// </summary>
public static class SobolIndices
{
    /// <param name="outputs">The model's outputs in the design's row order (N(k+2) values).</param>
    public static IReadOnlyList<SensitivityIndex> Estimate(IReadOnlyList<double> outputs, int k, Random random, double level = 0.95,
        int resamples = BootstrapInterval.DefaultResamples)
    {
        if (k < 1 || outputs.Count % (k + 2) != 0) throw new ArgumentException($"expected N x (k+2) outputs for k = {k}, got {outputs.Count}", nameof(outputs));
        int n = outputs.Count / (k + 2);
        double A(int j) => outputs[j * (k + 2)];
        double B(int j) => outputs[j * (k + 2) + k + 1];
        double AB(int j, int i) => outputs[j * (k + 2) + 1 + i];
        var result = new List<SensitivityIndex>(k);
        for (int i = 0; i < k; i++)
        {
            int input = i;
            double First(int[] rows)
            {
                double sum = 0;
                foreach (int j in rows) sum += B(j) * (AB(j, input) - A(j));
                return sum / rows.Length / Variance(rows);
            }
            double Total(int[] rows)
            {
                double sum = 0;
                foreach (int j in rows)
                {
                    double d = A(j) - AB(j, input);
                    sum += d * d;
                }
                return sum / rows.Length / 2 / Variance(rows);
            }
            result.Add(new SensitivityIndex(i, BootstrapInterval.Of(n, First, random, level, resamples), BootstrapInterval.Of(n, Total, random, level, resamples), null));
        }
        return result;

        // The output variance over the A and B rows chosen (population variance, as SALib).
        double Variance(int[] rows)
        {
            double sum = 0, squares = 0;
            foreach (int j in rows)
            {
                double a = A(j), b = B(j);
                sum += a + b;
                squares += a * a + b * b;
            }
            double m = sum / (2 * rows.Length);
            return squares / (2 * rows.Length) - m * m;
        }
    }
}
