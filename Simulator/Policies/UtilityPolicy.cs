using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>
/// The client's economics (issue 20's "economic drift"): each request goes to the path, at or above its floor, that
/// maximises trust_value[path] - fee[path] - delay_cost_per_s x predicted time to trust[path]. Values and the delay
/// cost are the class's (<c>trust_value</c>, <c>delay_cost_per_s</c>), else the policy's (<c>value_PATH</c>,
/// <c>delay_cost_per_s</c>); fees come from the scenario's <c>costs:</c> (<see cref="INetworkView.ExpectedFeeUsd"/>);
/// the time to trust is predicted from the observed backlog as <c>slo</c> predicts it. With a zero delay cost the
/// choice ignores load; with a large one, clients leave a path as its backlog grows. A choice weaker than the one
/// the same client would make on an idle network counts as a downgrade. Ties go to the stronger path.
/// </summary>
public sealed class UtilityPolicy : IPathPolicy
{
    public static readonly string[] ValueKeys = [.. VerificationPaths.All.Select(p => "value_" + p.Key())];

    private readonly double[] _values;
    private readonly double _delayCost;
    private readonly VerificationPath? _floor;

    public UtilityPolicy(ComponentSpec spec)
    {
        _values = [.. ValueKeys.Select(k => spec.NumberOr(k, 0))];
        _delayCost = spec.NumberOr("delay_cost_per_s", 0);
        if (_values.Any(v => v < 0 || !double.IsFinite(v))) throw new ArgumentException($"{string.Join(", ", ValueKeys)} must be finite numbers >= 0 (dollars per request)");
        if (_delayCost < 0 || !double.IsFinite(_delayCost)) throw new ArgumentException("delay_cost_per_s must be a finite number >= 0 (dollars per second)");
        _floor = TrustOrder.Parameter(spec, "floor");
    }

    public PathDecision Choose(Request request, INetworkView network)
    {
        VerificationPath floor = TrustOrder.Floor(request, _floor);
        double delayCost = request.Class.DelayCostUsdPerSecond ?? _delayCost;
        VerificationPath? best = null, idleBest = null;
        double bestUtility = double.NegativeInfinity, idleBestUtility = double.NegativeInfinity;
        for (var p = VerificationPath.Zkml; p <= floor; p++)
        {
            if (!network.CanServe(p)) continue;
            double value = request.Class.TrustValueUsd is { } own ? own[p] : _values[(int)p];
            double fee = network.ExpectedFeeUsd(request, p);
            // No delay cost: the prediction is not needed, and an infinite one must not turn 0 x inf into NaN.
            double utility = value - fee - (delayCost == 0 ? 0 : delayCost * network.PredictedTimeToTrustSeconds(request, p));
            double idleUtility = value - fee - (delayCost == 0 ? 0 : delayCost * network.PredictedTimeToTrustSeconds(request, p, idle: true));
            if (utility > bestUtility) (best, bestUtility) = (p, utility);
            if (idleUtility > idleBestUtility) (idleBest, idleBestUtility) = (p, idleUtility);
        }
        VerificationPath chosen = best ?? floor;
        return new PathDecision(chosen, Reasons[(int)chosen], idleBest);
    }

    // Made once per path, not once per request.
    private static readonly string[] Reasons = VerificationPaths.All.Select(p => $"utility:best_{p.Key()}").ToArray();
}
