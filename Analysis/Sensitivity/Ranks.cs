namespace HacaSim.Analysis.Sensitivity;

/// <summary>Ranks 1..n of a sample, ties given the mean of the ranks they share (so a constant column has no spread).</summary>
public static class Ranks
{
    public static double[] Of(IReadOnlyList<double> values)
    {
        int n = values.Count;
        int[] order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var ranks = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && values[order[end + 1]].Equals(values[order[start]])) end++;
            double mean = (start + end) / 2.0 + 1;
            for (int t = start; t <= end; t++) ranks[order[t]] = mean;
            start = end + 1;
        }
        return ranks;
    }
}
