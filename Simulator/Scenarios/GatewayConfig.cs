using HacaSim.Catalog;

namespace HacaSim.Scenarios;

/// <summary>
/// A pool of <c>kind: tee_gateway</c>: CPU enclave nodes (AWS Nitro in OpenGradient's deployment) whose
/// "inference" is a call to an external LLM provider. A call holds a node slot for the provider's rate-limit
/// wait, the provider's time (the model's <c>ttft_s</c> + output tokens x <c>tpot_s</c>), the enclave's
/// overhead and the response signature. <see cref="ProviderRps"/> is the provider's request rate limit for
/// the whole pool (one API account): calls beyond it wait, spaced 1 / provider_rps apart.
/// </summary>
public sealed record GatewayConfig(double ProviderRps, ComponentSpec EnclaveOverheadSeconds, ComponentSpec SignSeconds);
