using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Policies;

/// <summary>
/// Cost-aware: the path at or above the trust floor with the lowest expected price, GPU-seconds x
/// <c>gpu_price</c> + CPU-seconds x <c>cpu_price</c> (prices per second, any currency); ties go to the
/// stronger path. Costs are class means (inference, proof, k verifications), not this request's draws.
/// </summary>
public sealed class CostPolicy : IPathPolicy
{
    private readonly double _gpuPrice, _cpuPrice;
    private readonly VerificationPath? _floor;

    public CostPolicy(ComponentSpec spec)
    {
        _gpuPrice = spec.Number("gpu_price");
        _cpuPrice = spec.Number("cpu_price");
        if (_gpuPrice < 0 || _cpuPrice < 0) throw new ArgumentException("gpu_price and cpu_price must be >= 0");
        _floor = TrustOrder.Parameter(spec, "floor");
    }

    public PathDecision Choose(Request request, INetworkView network)
    {
        VerificationPath floor = TrustOrder.Floor(request, _floor);
        VerificationPath best = floor;
        double bestPrice = double.PositiveInfinity;
        for (var p = VerificationPath.Zkml; p <= floor; p++)
        {
            if (!network.CanServe(p)) continue;
            double price = network.ExpectedCost(request, p).Price(_gpuPrice, _cpuPrice);
            if (price < bestPrice)
            {
                best = p;
                bestPrice = price;
            }
        }
        return new PathDecision(best, Reasons[(int)floor]);
    }

    // Made once per path, not once per request.
    private static readonly string[] Reasons = VerificationPaths.All.Select(p => $"cost:cheapest_at_or_above_{p.Key()}").ToArray();
}
