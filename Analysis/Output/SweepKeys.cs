namespace HacaSim.Analysis.Output;

/// <summary>
/// sweep.csv's column names in one place: SweepWriter writes them, the experiment report reads them. A contract like
/// summary.json's keys (<see cref="SummaryKeys"/>): add columns, never rename one. Per-metric and per-backlog columns are
/// a prefix or suffix around the metric's or backlog's name.
/// </summary>
public static class SweepKeys
{
    public const string Point = "point";
    public const string MeanSuffix = "_mean";
    public const string Ci95Suffix = "_ci95";
    public const string StablePrefix = "stable_";
    public const string ProofBacklogsStable = "proof_backlogs_stable";
    public const string RhoPrefix = "rho_";
    public const string RhoChain = "rho_chain";
    public const string RhoMax = "rho_max";
    public const string Bottleneck = "bottleneck";
    public const string AnalyticKneeArrivalRatePerSecond = "analytic_knee_arrival_rate_per_s";
    public const string AnalyticKnee = "analytic_knee";
    public const string AnalyticKneeGrid = "analytic_knee_grid";
    public const string VerdictPrefix = "verdict_";
    public const string ProofBacklogsVerdict = "proof_backlogs_verdict";
    public const string KneeLastStable = "knee_last_stable";
    public const string KneeFirstUnstable = "knee_first_unstable";
    public const string KneeCritical = "knee_critical";
}
