using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// A validated, immutable scenario: everything a run needs. Built only by <see cref="ScenarioLoader"/>,
/// which resolves parameters and overrides and reports every problem with file, line and field.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    RunConfig Run,
    TrafficConfig Traffic,
    IReadOnlyDictionary<string, ModelProfile> Models,
    IReadOnlyDictionary<string, PoolConfig> Pools,
    RolesConfig Roles,
    PathsConfig Paths,
    VerificationConfig Verification,
    SettlementConfig Settlement,
    DataConfig Data,
    NetworkConfig Network,
    ComponentSpec Policy,
    FaultsConfig? Faults = null,
    CostsConfig? Costs = null)
{
    /// <summary>The faults block, or none.</summary>
    public FaultsConfig FaultsOrNone => Faults ?? FaultsConfig.None;
}

/// <summary>
/// Run length and randomness. <c>SampleIntervalSeconds</c> spaces the time-series rows.
/// <c>MaxWaitingPerPool</c> bounds the jobs a pool keeps waiting: beyond it, an overloaded pool's
/// further jobs are only counted (they stay in flight), so memory stays flat however long the run.
/// </summary>
public sealed record RunConfig(double DurationSeconds, double WarmupSeconds, int Replications, ulong Seed, double SampleIntervalSeconds,
    int MaxWaitingPerPool = RunConfig.DefaultMaxWaitingPerPool)
{
    public const int DefaultMaxWaitingPerPool = 100_000;
}
