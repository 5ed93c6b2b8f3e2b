namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// Saltelli's design for first-order and total Sobol indices (Saltelli, 2002; Saltelli et al., "Variance based
/// sensitivity analysis of model output", Comput. Phys. Commun. 181 (2010) 259-270): two independent N x k
/// matrices A and B (the two halves of one 2k-dimensional scrambled Sobol sequence) and, for each input i,
/// A with its column i taken from B. The N(k+2) rows are ordered as SALib orders them: for each j, A_j, then
/// A_B^(1)_j .. A_B^(k)_j, then B_j; <see cref="SobolIndices"/> reads model outputs in that order.
/// </summary>
public static class SaltelliDesign
{
    /// <summary>The most inputs a design can have (two columns each in the bundled Sobol dimensions).</summary>
    public const int MaxInputs = JoeKuoDirections.MaxDimensions / 2;

    /// <returns>N(k+2) rows of k coordinates in [0, 1).</returns>
    public static double[][] Rows(int n, int k, Random scramble)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        if (k < 1 || k > MaxInputs) throw new ArgumentOutOfRangeException(nameof(k), k, $"Saltelli's design here takes 1 to {MaxInputs} inputs");
        double[][] base2k = new SobolSequence(2 * k, scramble).Points(n);
        var rows = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++)
        {
            double[] a = base2k[j][..k], b = base2k[j][k..];
            int at = j * (k + 2);
            rows[at] = a;
            for (int i = 0; i < k; i++)
            {
                double[] ab = (double[])a.Clone();
                ab[i] = b[i];
                rows[at + 1 + i] = ab;
            }
            rows[at + k + 1] = b;
        }
        return rows;
    }
}
