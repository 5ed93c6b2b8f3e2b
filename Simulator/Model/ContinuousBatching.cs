using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// Continuous batching of LLM sequences on one GPU (vLLM-style): up to <see cref="MaxBatch"/> sequences
/// decode together, and one decode step with n sequences takes
/// <c>step_s(n) = decode_s_per_token x (1 + batchSlowdown x (n - 1))</c>, a linear fit to measured
/// concurrency sweeps (Scenarios/profiles/llm-profiles.yaml names the fit of each profile). Each
/// sequence therefore progresses at 1 / (1 + s (n - 1)) of its speed alone, while the node's throughput
/// n / step_s(n) rises towards 1 / (s x decode_s_per_token) as the batch fills.
/// <para>
/// Prefill is treated as part of the request's work at the batch rate (prompt / prefill rate is added
/// to the decode time and slowed like it), not as an exclusive phase: vLLM's chunked prefill mixes
/// prompt chunks into the decode batches, and this keeps one rate for everything in service.
/// </para>
/// GPU memory bounds the batch: a request holds KV cache for its prompt plus output tokens from start to
/// end (vLLM reserves blocks as tokens are generated; reserving the whole length up front is the
/// conservative variant, and never preempts). Capacity = (gpu_memory_gb - weights_gb) x 1024 MB.
/// </summary>
public sealed class ContinuousBatching
{
    public ContinuousBatching(BatchingConfig config, int poolSlots)
    {
        Config = config;
        MaxBatch = config.MaxBatch ?? poolSlots;
        KvCacheCapacityMb = config.Memory is { } m ? (m.GpuMemoryGb - m.WeightsGb) * 1024 : double.PositiveInfinity;
    }

    public BatchingConfig Config { get; }

    /// <summary>Most sequences in the batch: the profile's max_batch, else the pool's slots.</summary>
    public int MaxBatch { get; }

    /// <summary>Memory left for KV cache after the weights, MB; +infinity when the profile gives no memory figures.</summary>
    public double KvCacheCapacityMb { get; }

    /// <summary>Speed of each sequence with <paramref name="inBatch"/> in the batch, relative to running alone.</summary>
    public double RatePerSequence(int inBatch) => 1 / (1 + Config.BatchSlowdown * (inBatch - 1));

    /// <summary>KV cache a request holds while it runs: (prompt + output) tokens x MB per token; 0 for other work (proofs, fixed-cost models).</summary>
    public double KvCacheMb(Request request) =>
        Config.Memory is { } m && request.Stage == RequestStage.Inference && request.Class.Cost is TokenInference
            ? (request.PromptTokens + (double)request.OutputTokens) * m.KvCacheMbPerToken
            : 0;
}
