using System.Text.RegularExpressions;
using HacaSim.Analysis.Output;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Readable names for the per-replication metrics that compare and sweep chart (keys as in summary.json:
/// "result_latency_s", "pools.prover.utilization", "paths.zkml.proof_lag_s"), for chart titles, axis labels and
/// report captions, so that none of them shows a raw key or a file name.
/// </summary>
public static partial class MetricNames
{
    /// <summary>The metric's name and unit ("s" or "" for a share, a count or a rate written in its name).</summary>
    public static (string Name, string Unit) Of(string key)
    {
        string[] parts = key.Split('.');
        return parts switch
        {
            [var measure] => Measure(measure) is { } m ? (m.Name, m.Unit) : (key, ""),
            [SummaryKeys.Pools, var pool, SummaryKeys.Utilization] => ($"{pool} utilisation", ""),
            [SummaryKeys.Pools, var pool, SummaryKeys.WaitSeconds] => ($"{pool} mean wait", "s"),
            [SummaryKeys.Paths, var path, SummaryKeys.Share] => ($"share of requests on {PathName(path)}", ""),
            [SummaryKeys.Paths, var path, var measure] when Measure(measure) is { } m => ($"{PathName(path)} {m.Name}", m.Unit),
            [SummaryKeys.Chain, var measure] when Measure(measure) is { } m => ($"chain {m.Name}", m.Unit),
            _ => (key, ""),
        };
    }

    /// <summary>"mean result latency (s)": the name with its unit, for a caption or an axis.</summary>
    public static string WithUnit(string key) => Of(key) is var (name, unit) && unit.Length > 0 ? $"{name} ({unit})" : Of(key).Name;

    /// <summary>
    /// The metric key a chart file is named after (the key with dots as underscores: "pools_prover_utilization"
    /// -> "pools.prover.utilization"), or null when the stem names no known metric.
    /// </summary>
    public static string? KeyOfFileStem(string stem)
    {
        if (Measure(stem) is not null) return stem;
        Match pool = PoolStem().Match(stem);
        if (pool.Success) return $"{SummaryKeys.Pools}.{pool.Groups[1].Value}.{pool.Groups[2].Value}";
        Match path = PathStem().Match(stem);
        if (path.Success && (path.Groups[2].Value == SummaryKeys.Share || Measure(path.Groups[2].Value) is not null))
            return $"{SummaryKeys.Paths}.{path.Groups[1].Value}.{path.Groups[2].Value}";
        Match chain = ChainStem().Match(stem);
        return chain.Success && Measure(chain.Groups[1].Value) is not null ? $"{SummaryKeys.Chain}.{chain.Groups[1].Value}" : null;
    }

    private static (string Name, string Unit)? Measure(string key) => key switch
    {
        SummaryKeys.ResultLatencySeconds => ("mean result latency", "s"),
        SummaryKeys.ProofLagSeconds => ("mean proof lag", "s"),
        SummaryKeys.TimeToTrustSeconds => ("mean time to trust", "s"),
        SummaryKeys.DowngradeShare => ("share of requests downgraded", ""),
        SummaryKeys.InclusionDelaySeconds => ("mean inclusion delay", "s"),
        SummaryKeys.FinalityDelaySeconds => ("mean finality delay", "s"),
        SummaryKeys.BlockCycleSeconds => ("mean block cycle", "s"),
        SummaryKeys.MempoolLength => ("mean mempool length", ""),
        SummaryKeys.ThroughputItemsPerSecond => ("throughput in items per second", ""),
        _ => null,
    };

    private static string PathName(string key) => key switch
    {
        "zkml" => "ZKML",
        "tee" => "TEE",
        "zkcrv" => "ZK-CRV",
        "vanilla" => "Vanilla",
        _ => key,
    };

    [GeneratedRegex("^pools_(.+)_(utilization|wait_s)$")]
    private static partial Regex PoolStem();

    [GeneratedRegex("^paths_(zkml|tee|zkcrv|vanilla)_(.+)$")]
    private static partial Regex PathStem();

    [GeneratedRegex("^chain_(.+)$")]
    private static partial Regex ChainStem();
}
