using HacaSim.Analysis.Output;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Summary;

/// <summary>
/// The statistic whose relative 95% half-width across replications stops a sequential run: a summary.json
/// path of a mean, <c>paths.PATH.{result_latency_s|proof_lag_s|time_to_trust_s}</c> or
/// <c>pools.POOL.{utilization|queue_length|in_service|wait_s|service_s}</c>; by default the mean time to
/// trust of the slowest path (the largest mean so far), which is the one the study is about.
/// </summary>
public sealed class PrecisionMetric
{
    public const string SlowestPath = "slowest-path";

    private static readonly string[] PathStats = [SummaryKeys.ResultLatencySeconds, SummaryKeys.ProofLagSeconds, SummaryKeys.TimeToTrustSeconds];
    private static readonly string[] PoolStats = [SummaryKeys.Utilization, SummaryKeys.QueueLength, SummaryKeys.InService, SummaryKeys.WaitSeconds, SummaryKeys.ServiceSeconds];

    private readonly string? _name;

    private PrecisionMetric(string? name) => _name = name;

    /// <summary>Parses a metric name against the scenario's pools; null or "slowest-path" means the default.</summary>
    public static PrecisionMetric Parse(string? name, IEnumerable<string> pools)
    {
        if (name is null || name == SlowestPath) return new PrecisionMetric(null);
        string[] parts = name.Split('.');
        bool ok = parts.Length == 3 && parts[0] switch
        {
            SummaryKeys.Paths => VerificationPaths.TryParse(parts[1], out _) && PathStats.Contains(parts[2]),
            SummaryKeys.Pools => pools.Contains(parts[1]) && PoolStats.Contains(parts[2]),
            _ => false,
        };
        if (!ok)
        {
            throw new InputException($"--precision-metric {name}: expected {SlowestPath}, paths.PATH.STAT (PATH one of " +
                $"{string.Join(", ", VerificationPaths.All.Select(p => p.Key()))}; STAT one of {string.Join(", ", PathStats)}) or " +
                $"pools.POOL.STAT (POOL one of {string.Join(", ", pools)}; STAT one of {string.Join(", ", PoolStats)})");
        }
        return new PrecisionMetric(name);
    }

    /// <summary>The metric's name for these replications (the default resolves to the slowest path).</summary>
    public string Resolve(IReadOnlyList<ReplicationResult> reps)
    {
        if (_name is not null) return _name;
        VerificationPath? slowest = null;
        double worst = double.NegativeInfinity;
        foreach (VerificationPath path in VerificationPaths.All)
        {
            var stat = ReplicationStatistics.Merge(reps.Select(r => r.Metrics.Path(path).TimeToTrust));
            if (stat is not null && stat.Mean > worst)
            {
                worst = stat.Mean;
                slowest = path;
            }
        }
        return slowest is { } p ? $"paths.{p.Key()}.time_to_trust_s" : "paths.vanilla.time_to_trust_s";
    }

    /// <summary>One value per replication that observed the metric (a path with no requests in a replication has none).</summary>
    public static List<double> Values(string resolved, IReadOnlyList<ReplicationResult> reps)
    {
        string[] parts = resolved.Split('.');
        var values = new List<double>();
        foreach (ReplicationResult r in reps)
        {
            double v = parts[0] == SummaryKeys.Paths ? PathValue(r, parts[1], parts[2]) : PoolValue(r, parts[1], parts[2]);
            if (double.IsFinite(v)) values.Add(v);
        }
        return values;
    }

    private static double PathValue(ReplicationResult r, string pathKey, string stat)
    {
        VerificationPaths.TryParse(pathKey, out VerificationPath path);
        PathMetrics m = r.Metrics.Path(path);
        var s = stat switch { SummaryKeys.ResultLatencySeconds => m.ResultLatency, SummaryKeys.ProofLagSeconds => m.ProofLag, _ => m.TimeToTrust };
        return s.Count > 0 ? s.Mean : double.NaN;
    }

    private static double PoolValue(ReplicationResult r, string pool, string stat)
    {
        PoolResult p = r.Pools.First(x => x.Name == pool);
        return stat switch
        {
            SummaryKeys.Utilization => p.Utilization,
            SummaryKeys.QueueLength => p.QueueLength,
            SummaryKeys.InService => p.InService,
            SummaryKeys.WaitSeconds => p.Wait.Count > 0 ? p.Wait.Mean : double.NaN,
            _ => p.Service.Count > 0 ? p.Service.Mean : double.NaN,
        };
    }
}
