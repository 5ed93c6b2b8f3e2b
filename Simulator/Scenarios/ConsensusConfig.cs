using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>The quorum model's parameters; <see cref="MessageDelaySeconds"/> is one validator's delay in one phase.</summary>
public sealed record ConsensusConfig(ConsensusModel Model, int Phases, ComponentSpec? MessageDelaySeconds);
