using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>Latency of each hop between roles (data -> inference -> prover -> verification -> settlement).</summary>
public sealed record NetworkConfig(ComponentSpec HopLatency);
