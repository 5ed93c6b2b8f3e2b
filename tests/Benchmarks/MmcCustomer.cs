namespace HacaSim.Benchmarks;

/// <summary>One customer of the M/M/c workload; pooled, so a warmed-up run allocates none.</summary>
internal sealed class MmcCustomer
{
    public double ArrivalSeconds;
}
