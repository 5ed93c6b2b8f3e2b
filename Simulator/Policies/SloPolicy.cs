using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Policies;

/// <summary>
/// SLO-aware: the strongest path, at or above the trust floor, whose predicted time to trust meets the
/// request's deadline (class <c>deadline_s</c>); without a deadline, the strongest path; when none meets
/// it, the fastest. A choice weaker than the one an idle network would allow counts as a downgrade.
/// </summary>
public sealed class SloPolicy(ComponentSpec spec) : IPathPolicy
{
    private readonly VerificationPath? _floor = TrustOrder.Parameter(spec, "floor");

    public PathDecision Choose(Request request, INetworkView network)
    {
        VerificationPath floor = TrustOrder.Floor(request, _floor);
        VerificationPath strongest = VerificationPath.Vanilla, fastest = VerificationPath.Vanilla;
        double fastestSeconds = double.PositiveInfinity;
        VerificationPath? meets = null, idleMeets = null;
        for (var p = VerificationPath.Zkml; p <= floor; p++)
        {
            if (!network.CanServe(p)) continue;
            if (strongest == VerificationPath.Vanilla && p < strongest) strongest = p;
            if (double.IsPositiveInfinity(request.DeadlineSeconds)) break;
            double predicted = network.PredictedTimeToTrustSeconds(request, p);
            double budget = request.DeadlineSeconds - network.Now;
            if (meets is null && predicted <= budget) meets = p;
            if (idleMeets is null && network.PredictedTimeToTrustSeconds(request, p, idle: true) <= budget) idleMeets = p;
            if (predicted < fastestSeconds)
            {
                fastest = p;
                fastestSeconds = predicted;
            }
        }
        if (double.IsPositiveInfinity(request.DeadlineSeconds)) return new PathDecision(strongest, "slo:no_deadline");
        if (meets is { } m) return new PathDecision(m, MeetsReasons[(int)m], idleMeets);
        return new PathDecision(fastest, FastestReasons[(int)fastest], idleMeets);
    }

    // Made once per path, not once per request.
    private static readonly string[] MeetsReasons = VerificationPaths.All.Select(p => $"slo:{p.Key()}_meets_deadline").ToArray();
    private static readonly string[] FastestReasons = VerificationPaths.All.Select(p => $"slo:none_meets_deadline,fastest_{p.Key()}").ToArray();
}
