using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>Data nodes: fetch time = <see cref="EnclaveOverheadFactor"/> x a draw of <see cref="ExternalLatency"/>.</summary>
public sealed record DataConfig(double EnclaveOverheadFactor, ComponentSpec ExternalLatency, double? TimeoutSeconds);
