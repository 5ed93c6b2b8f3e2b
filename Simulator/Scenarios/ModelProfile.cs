using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Scenarios;

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
