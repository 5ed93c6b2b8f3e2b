using System.Globalization;
using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Policies;

/// <summary>
/// Queue-aware: each request's path is drawn from its class's weights, as by the static mix, but while the
/// provers are congested a path that needs them (zkml; zkcrv, whose challenges are proven) is downgraded to
/// a faster one, never below the request's trust floor. Congested means the proof backlog passed
/// <c>backlog_high</c> (until it falls below <c>backlog_low</c>) or the predicted proof lag of the wanted
/// path passed <c>lag_high_s</c> (until below <c>lag_low_s</c>): two thresholds, so the state does not
/// flap. The draw uses the static mix's stream, so under common random numbers both policies want the
/// same path for every request and differ only where this one downgrades.
/// </summary>
public sealed class AdaptivePolicy : IPathPolicy
{
    private readonly StaticMixPolicy _mix;
    private readonly Hysteresis? _backlog;
    private readonly double _backlogHigh, _backlogLow, _lagHigh, _lagLow;
    private readonly Dictionary<int, Hysteresis> _lagByClass = [];
    private readonly VerificationPath? _floor, _to;
    private readonly string _backlogReason, _backlogHoldReason, _lagReason, _lagHoldReason;

    public AdaptivePolicy(ComponentSpec spec, Random rng)
    {
        _mix = new StaticMixPolicy(rng);
        _floor = TrustOrder.Parameter(spec, "floor");
        _to = TrustOrder.Parameter(spec, "to");
        if (spec.Numbers.TryGetValue("backlog_high", out _backlogHigh))
        {
            // Without a lower threshold, go back at half the upper one: enough of a band to stop flapping.
            _backlogLow = spec.NumberOr("backlog_low", _backlogHigh / 2);
            Check("backlog_high", _backlogHigh, "backlog_low", _backlogLow);
            _backlog = new Hysteresis(_backlogHigh, _backlogLow);
        }
        else if (spec.Keys.Contains("backlog_low")) throw new ArgumentException("backlog_low needs backlog_high");
        _lagHigh = spec.NumberOr("lag_high_s", double.NaN);
        if (!double.IsNaN(_lagHigh))
        {
            _lagLow = spec.NumberOr("lag_low_s", _lagHigh / 2);
            Check("lag_high_s", _lagHigh, "lag_low_s", _lagLow);
        }
        else if (spec.Keys.Contains("lag_low_s")) throw new ArgumentException("lag_low_s needs lag_high_s");
        if (_backlog is null && double.IsNaN(_lagHigh)) throw new ArgumentException("give backlog_high or lag_high_s (or both)");
        _backlogReason = $"downgrade:backlog>{F(_backlogHigh)}";
        _backlogHoldReason = $"downgrade:backlog>={F(_backlogLow)}(hysteresis)";
        _lagReason = $"downgrade:lag>{F(_lagHigh)}s";
        _lagHoldReason = $"downgrade:lag>={F(_lagLow)}s(hysteresis)";
    }

    public PathDecision Choose(Request request, INetworkView network)
    {
        VerificationPath wanted = _mix.Choose(request, network).Path;
        // Update the backlog switch on every request, so the state follows the backlog even while
        // requests that do not need the provers arrive.
        bool backlogOn = _backlog?.Update(network.ProofBacklog) ?? false;
        if (!TrustOrder.UsesProver(wanted)) return new PathDecision(wanted, "static_mix");
        string? reason = backlogOn ? (network.ProofBacklog > _backlogHigh ? _backlogReason : _backlogHoldReason) : null;
        if (!double.IsNaN(_lagHigh))
        {
            if (!_lagByClass.TryGetValue(request.Class.Index, out Hysteresis? lag))
                _lagByClass[request.Class.Index] = lag = new Hysteresis(_lagHigh, _lagLow);
            double predicted = network.PredictedProofLagSeconds(request, wanted);
            if (lag.Update(predicted)) reason ??= predicted > _lagHigh ? _lagReason : _lagHoldReason;
        }
        if (reason is null) return new PathDecision(wanted, "static_mix");

        VerificationPath floor = TrustOrder.Floor(request, _floor);
        VerificationPath target = Target(wanted, network);
        if (!TrustOrder.IsWeaker(target, wanted)) return new PathDecision(wanted, "static_mix");
        if (TrustOrder.IsWeaker(target, floor))
        {
            // The floor wins: go only as far down as it allows (perhaps not at all).
            return floor == wanted ? new PathDecision(wanted, "floor:" + floor.Key())
                : new PathDecision(floor, reason + ",floor:" + floor.Key(), wanted);
        }
        return new PathDecision(target, reason, wanted);
    }

    /// <summary>The path <c>to</c> names, else the next weaker path that the provers do not slow: zkml -> tee (if served) -> vanilla.</summary>
    private VerificationPath Target(VerificationPath wanted, INetworkView network)
    {
        if (_to is { } to) return to;
        for (var p = wanted + 1; p <= VerificationPath.Vanilla; p++)
            if (!TrustOrder.UsesProver(p) && network.CanServe(p)) return p;
        return VerificationPath.Vanilla;
    }

    private static void Check(string highName, double high, string lowName, double low)
    {
        if (high < 0) throw new ArgumentException($"{highName} must be >= 0, found {F(high)}");
        if (low < 0 || low > high) throw new ArgumentException($"{lowName} must be from 0 to {highName} ({F(high)}), found {F(low)}");
    }

    private static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
