using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Scenarios;

/// <summary>
/// Where requests come from. <see cref="Arrival"/> is the common arrival process whose arrivals are
/// split among the classes by <c>share</c>; a class with its own <c>arrival</c> is fed by that instead.
/// </summary>
public sealed record TrafficConfig(ComponentSpec? Arrival, IReadOnlyList<RequestClassConfig> Classes);

/// <summary>
/// A kind of request. Its inference work is either token-based (<see cref="Model"/> names a profile,
/// with prompt and output token distributions) or a fixed-cost distribution (<see cref="InferenceSeconds"/>,
/// seconds on a speed-1 node).
/// </summary>
public sealed record RequestClassConfig(
    string Name,
    double Share,
    ComponentSpec? Arrival,
    string? Model,
    ComponentSpec? PromptTokens,
    ComponentSpec? OutputTokens,
    ComponentSpec? InferenceSeconds,
    double NeedsDataProbability,
    double? DeadlineSeconds,
    IReadOnlyDictionary<VerificationPath, double> PathWeights,
    double? TimeoutSeconds = null,
    VerificationPath? TrustFloor = null);

/// <summary>
/// Cost of one (model, GPU) pair on a speed-1 node: time to first token = prompt / prefill rate, then
/// one decode step per output token. <see cref="ProofSeconds"/>, when given, replaces
/// overhead-factor x inference work as this model's ZKML proof time. <see cref="Batching"/>, when given,
/// makes the inference pool serve this model with continuous batching (<see cref="Model.ContinuousBatching"/>).
/// </summary>
public sealed record ModelProfile(string Name, double PrefillTokensPerSecond, double DecodeSecondsPerToken, ComponentSpec? ProofSeconds,
    BatchingConfig? Batching = null)
{
    /// <summary>A classical model's fixed cost per request (seconds on a speed-1 node); then the token rates are NaN.</summary>
    public ComponentSpec? InferenceSeconds { get; init; }

    /// <summary>CPU time to verify this model's ZKML proof (its proof system's, or written), replacing paths.zkml.verify_s; null: that.</summary>
    public ComponentSpec? VerifySeconds { get; init; }

    /// <summary>A model an external provider serves through a TEE gateway (ttft_s, tpot_s); then the token rates are NaN.</summary>
    public ProviderModelConfig? Provider { get; init; }

    /// <summary>A GPU model costed from token counts (prefill and decode rates).</summary>
    public bool IsTokenBased => InferenceSeconds is null && Provider is null;
}

/// <summary>
/// Continuous batching of a (model, GPU) profile: a decode step with n sequences takes
/// decode_s_per_token x (1 + <see cref="BatchSlowdown"/> x (n - 1)); at most <see cref="MaxBatch"/>
/// sequences (null: the pool's slots); <see cref="Memory"/>, when given, bounds the batch by KV cache.
/// </summary>
public sealed record BatchingConfig(double BatchSlowdown, int? MaxBatch, GpuMemoryConfig? Memory);

/// <summary>GPU memory in GB (1 GB = 1024 MB), the model's weights in GB, and KV cache per token in MB.</summary>
public sealed record GpuMemoryConfig(double GpuMemoryGb, double WeightsGb, double KvCacheMbPerToken);
