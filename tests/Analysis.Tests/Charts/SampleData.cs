using HacaSim.Analysis.Records;

namespace HacaSim.Tests.Charts;

/// <summary>Deterministic, plausible-looking inputs for the chart tests (no random numbers).</summary>
internal static class SampleData
{
    public static readonly string[] Pools = ["data-tee", "inference-gpu", "verify-cpu", "settlement"];

    /// <summary>Three replications, four pools, 1 s samples over 600 s; an outage of verification at 200-300 s.</summary>
    public static IReadOnlyList<TimeSeriesRow> TimeSeries()
    {
        var rows = new List<TimeSeriesRow>();
        for (int replication = 0; replication < 3; replication++)
        {
            for (int t = 0; t <= 600; t++)
            {
                for (int p = 0; p < Pools.Length; p++)
                {
                    double wave = 3 + 2 * Math.Sin((t + 37 * p + 11 * replication) / 23.0);
                    int outageBacklog = p >= 2 ? Math.Max(0, Math.Min(t - 200, 300 - t / 3) * (p - 1)) : 0;
                    int queue = (int)Math.Round(wave * (p + 1)) + outageBacklog;
                    int busy = 2 + p;
                    rows.Add(new TimeSeriesRow(replication, t, Pools[p], queue, busy, queue + busy));
                }
            }
        }
        return rows;
    }

    /// <summary>Two paths, two replications, 10 s intervals; "zk" settles nothing while verification is down.</summary>
    public static IReadOnlyList<ProofLagRow> ProofLag()
    {
        var rows = new List<ProofLagRow>();
        for (int replication = 0; replication < 2; replication++)
        {
            for (int t = 10; t <= 600; t += 10)
            {
                rows.Add(new ProofLagRow(replication, t, "tee", 20 + replication, 12 + 2 * Math.Sin(t / 50.0) + replication));
                bool outage = t is > 200 and <= 300;
                rows.Add(outage
                    ? new ProofLagRow(replication, t, "zk", 0, double.NaN)
                    : new ProofLagRow(replication, t, "zk", 15, 60 + (t > 300 ? Math.Max(0, 400 - t) * 2.0 : 0) + 3 * replication));
            }
        }
        return rows;
    }

    /// <summary>Result latency (about a second) and time to trust (minutes) for two paths, as log-normal CDFs.</summary>
    public static IReadOnlyList<CdfSeries> LatencyCdfs() =>
    [
        LogNormalCdf("tee: result latency", medianSeconds: 0.8, sigma: 0.4),
        LogNormalCdf("tee: time to trust", medianSeconds: 14, sigma: 0.3),
        LogNormalCdf("zk: result latency", medianSeconds: 1.1, sigma: 0.5),
        LogNormalCdf("zk: time to trust", medianSeconds: 240, sigma: 0.6),
    ];

    private static CdfSeries LogNormalCdf(string label, double medianSeconds, double sigma)
    {
        const int Points = 200;
        var values = new double[Points];
        var probabilities = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            double p = (i + 0.5) / Points;
            values[i] = medianSeconds * Math.Exp(sigma * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p));
            probabilities[i] = (i + 1.0) / Points;
        }
        return new CdfSeries(label, values, probabilities);
    }
}
