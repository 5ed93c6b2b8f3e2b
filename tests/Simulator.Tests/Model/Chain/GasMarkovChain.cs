namespace HacaSim.Tests.Model.Chain;

/// <summary>
/// Exact mean items per block when an endless iid stream of items (gas sizes in whole units, with
/// probabilities) fills blocks of a gas limit in order, the first item that does not fit opening the next
/// block. The head item of each block is a Markov chain; its stationary law weighs each head's expected fill.
/// </summary>
internal static class GasMarkovChain
{
    public static double ItemsPerBlock(int[] sizes, double[] probabilities, int limit)
    {
        int m = sizes.Length;
        var memo = new Dictionary<int, (double Count, double[] Next)>();
        // Fill(r): with r units left, the expected further items taken and the law of the item that does not fit.
        (double Count, double[] Next) Fill(int r)
        {
            if (memo.TryGetValue(r, out var known)) return known;
            double count = 0;
            var next = new double[m];
            for (int j = 0; j < m; j++)
            {
                if (sizes[j] > r)
                {
                    next[j] += probabilities[j];
                    continue;
                }
                var (c, n) = Fill(r - sizes[j]);
                count += probabilities[j] * (1 + c);
                for (int i = 0; i < m; i++) next[i] += probabilities[j] * n[i];
            }
            return memo[r] = (count, next);
        }
        var transition = new double[m, m];
        var items = new double[m];
        for (int h = 0; h < m; h++)
        {
            var (c, n) = Fill(limit - sizes[h]);
            items[h] = 1 + c;
            for (int i = 0; i < m; i++) transition[h, i] = n[i];
        }
        // Stationary law by power iteration (the chain is small and aperiodic).
        var pi = Enumerable.Repeat(1.0 / m, m).ToArray();
        for (int iter = 0; iter < 10_000; iter++)
        {
            var nextPi = new double[m];
            for (int h = 0; h < m; h++)
                for (int i = 0; i < m; i++) nextPi[i] += pi[h] * transition[h, i];
            pi = nextPi;
        }
        return Enumerable.Range(0, m).Sum(h => pi[h] * items[h]);
    }
}
