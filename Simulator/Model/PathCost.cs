namespace HacaSim.Model;

/// <summary>Expected resource use of one request on one path: GPU-seconds (inference, proof) and CPU-seconds (verification).</summary>
public readonly record struct PathCost(double GpuSeconds, double CpuSeconds)
{
    public double Price(double gpuPricePerSecond, double cpuPricePerSecond) => GpuSeconds * gpuPricePerSecond + CpuSeconds * cpuPricePerSecond;
}
