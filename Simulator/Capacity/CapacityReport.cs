using HacaSim.Model;

namespace HacaSim.Capacity;

/// <summary>
/// The analytic capacity check of a scenario (JMT-style asymptotic bounds): each pool's and the chain's
/// offered load rho at the scenario's arrival rate, the arrival rate where rho reaches 1 (scaling every
/// class's arrivals together), and the bottleneck: the resource with the largest rho, which must break first.
/// </summary>
public sealed record CapacityReport(
    double ArrivalRatePerSecond,
    string ArrivalRateMethod,
    IReadOnlyList<PoolLoad> Pools,
    ChainLoad Chain,
    IReadOnlyList<string> Notes)
{
    /// <summary>Mean work (seconds on a speed-1 slot) one request of each class and path puts on each pool.</summary>
    public IReadOnlyList<PathWork> Work { get; init; } = [];

    /// <summary>Closed form: the process's mean rate is the rate the run sees.</summary>
    public const string ClosedForm = "closed_form";

    /// <summary>No closed form (a rate that varies, a trace): the rate averaged over the measured window.</summary>
    public const string TimeAveraged = "time_averaged";

    public const string ChainName = "chain";

    /// <summary>The largest rho over pools and chain.</summary>
    public double MaxRho => Math.Max(Pools.Count == 0 ? 0 : Pools.Max(p => p.BindingRho), Chain.Rho);

    /// <summary>The pool (or "chain") with the largest rho; ties go to the first pool in scenario order.</summary>
    public string Bottleneck
    {
        get
        {
            string name = ChainName;
            double best = Chain.Rho;
            foreach (PoolLoad p in Pools)
            {
                if (p.BindingRho > best || (p.BindingRho == best && name == ChainName && best > 0))
                {
                    best = p.BindingRho;
                    name = p.Name;
                }
            }
            return name;
        }
    }

    /// <summary>The arrival rate at which the bottleneck's rho reaches 1.</summary>
    public double KneeArrivalRate => MaxRho > 0 ? ArrivalRatePerSecond / MaxRho : double.PositiveInfinity;

    public PoolLoad? Pool(string name) => Pools.FirstOrDefault(p => p.Name == name);

    /// <summary>rho of a whole pool (comparable with its measured utilisation) or of "settlement"/"chain".</summary>
    public double? RhoOf(string name) =>
        name is ChainName or Model.TimeSeriesSampler.SettlementPool ? Chain.Rho : Pool(name)?.Rho;

    /// <summary>The binding rho of a pool (its TEE-capable nodes' when tighter) or of the chain: what decides saturation.</summary>
    public double? BindingRhoOf(string name) =>
        name is ChainName or Model.TimeSeriesSampler.SettlementPool ? Chain.Rho : Pool(name)?.BindingRho;
}
