namespace HacaSim.Benchmarks;

/// <summary>What one run of the workload computed; the checksum keeps the work from being optimised away.</summary>
public readonly record struct MmcResult(long EventsFired, double MeanNumberInSystem, double MeanWaitSeconds)
{
    public double Checksum => MeanNumberInSystem + MeanWaitSeconds;
}
