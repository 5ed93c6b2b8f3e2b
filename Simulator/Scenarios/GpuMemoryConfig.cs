namespace HacaSim.Scenarios;

/// <summary>GPU memory in GB (1 GB = 1024 MB), the model's weights in GB, and KV cache per token in MB.</summary>
public sealed record GpuMemoryConfig(double GpuMemoryGb, double WeightsGb, double KvCacheMbPerToken);
