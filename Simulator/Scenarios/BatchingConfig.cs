namespace HacaSim.Scenarios;

/// <summary>
/// Continuous batching of a (model, GPU) profile: a decode step with n sequences takes
/// decode_s_per_token x (1 + <see cref="BatchSlowdown"/> x (n - 1)); at most <see cref="MaxBatch"/>
/// sequences (null: the pool's slots); <see cref="Memory"/>, when given, bounds the batch by KV cache.
/// </summary>
public sealed record BatchingConfig(double BatchSlowdown, int? MaxBatch, GpuMemoryConfig? Memory);
