namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// A Latin hypercube of n points in [0, 1)^k (McKay, Beckman and Conover, 1979): each input's range is cut
/// into n equal strata, every stratum holds exactly one point, strata are paired across inputs by independent
/// random permutations and each point lies uniformly within its stratum.
/// </summary>
public static class LatinHypercube
{
    /// <returns>points[i][j]: input j of point i.</returns>
    public static double[][] Sample(int n, int k, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var points = new double[n][];
        for (int i = 0; i < n; i++) points[i] = new double[k];
        var strata = new int[n];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < n; i++) strata[i] = i;
            // Fisher-Yates from the given stream: the same seed gives the same design.
            for (int i = n - 1; i > 0; i--)
            {
                int r = random.Next(i + 1);
                (strata[i], strata[r]) = (strata[r], strata[i]);
            }
            for (int i = 0; i < n; i++)
                points[i][j] = Math.Min((strata[i] + random.NextDouble()) / n, Math.BitDecrement(1.0));
        }
        return points;
    }
}
