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
