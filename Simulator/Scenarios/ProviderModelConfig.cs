using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// A model served by an external provider through a TEE gateway: time to first token and time per output
/// token (one draw per request: measurement pages report per-request averages), both distributions in seconds.
/// </summary>
public sealed record ProviderModelConfig(ComponentSpec TtftSeconds, ComponentSpec TpotSeconds);
