using System.Globalization;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Judges a backlog stable, critical or unstable from two independent kinds of evidence: the measured
/// trend (does the backlog grow, with an interval that excludes zero?) and saturation (does the
/// analytic rho reach 1, or does the measured utilisation?). Unstable needs both: a significant trend
/// alone is what a stable queue shows while it is still filling after the warm-up, so it does not make
/// a pool unstable whose rho and utilisation are well below 1; saturation without a significant trend
/// is a run too short to see the growth. Critical: rho in [0.95, 1) (there a measured utilisation of
/// 0.98 is what a stable pool shows too, so it cannot confirm saturation), or saturation that the
/// other evidence does not confirm. Stable otherwise.
/// <para>
/// The run length that settles a critical verdict comes from heavy-traffic theory: near rho = 1 a
/// queue behaves like reflected Brownian motion with drift delta = mu (1 - rho) and variance
/// sigma^2 = mu rho (c_a^2 + c_s^2) (mu: completions per second at full load), whose relaxation time is
/// 2 sigma^2 / delta^2 = 2 rho (c_a^2 + c_s^2) / (mu (1 - rho)^2) (Abate and Whitt, "Transient behavior
/// of regulated Brownian motion", 1987; for M/M/1 it gives 4 / (mu (1 - rho)^2), the known limit of
/// 1 / (mu (1 - sqrt rho)^2)). A run settles it after the warm-up plus ten relaxation times.
/// </para>
/// </summary>
public static class StabilityJudge
{
    /// <summary>rho at or above this (and below 1) is critical whatever the run shows.</summary>
    public const double CriticalRho = 0.95;

    /// <summary>Busy share (of the capacity that was up) at which a pool counts as saturated by measurement.</summary>
    public const double SaturatedUtilization = 0.98;

    /// <summary>Relaxation times after the warm-up that settle a verdict.</summary>
    public const double RelaxationTimesToSettle = 10;

    public static ThreeStateVerdict Judge(StabilityEvidence e)
    {
        var ci = CultureInfo.InvariantCulture;
        bool growing = e.Overflowed || (double.IsFinite(e.GrowthPerSecond) && double.IsFinite(e.GrowthCi95) && e.GrowthPerSecond - e.GrowthCi95 > 0);
        bool rhoSaturated = e.Rho >= 1;
        bool utilSaturated = e.Utilization is { } u && u >= SaturatedUtilization;
        double? relaxation = Relaxation(e);
        double? settle = relaxation is { } t ? e.WarmupSeconds + RelaxationTimesToSettle * t : null;
        string growth = e.Overflowed ? "the backlog reached run.max_waiting"
            : double.IsFinite(e.GrowthPerSecond) ? string.Create(ci, $"backlog growth {e.GrowthPerSecond:0.####} +/- {Finite(e.GrowthCi95)} jobs/s") : "no trend measured";
        string load = string.Create(ci, $"rho {e.Rho:0.###}") + (e.Utilization is { } util ? string.Create(ci, $", utilisation {util:0.###}") : "");
        string settleText = settle is { } s
            ? string.Create(ci, $"; relaxation time {relaxation:0} s, a run of about {s:0} s would settle it")
            : "; at rho = 1 no run length settles it";

        if (rhoSaturated && growing)
            return new ThreeStateVerdict(StabilityState.Unstable, $"{growth} (interval excludes 0) and saturated: {load}", relaxation, null);
        if (rhoSaturated)
            return new ThreeStateVerdict(StabilityState.Critical,
                $"evidence disagrees: rho >= 1 but {growth} includes 0 ({load}){settleText}", relaxation, settle);
        // Near capacity the measurement cannot separate a slowly filling queue from a growing one: critical.
        if (e.Rho >= CriticalRho)
            return new ThreeStateVerdict(StabilityState.Critical,
                string.Create(ci, $"rho {e.Rho:0.###} is within {1 - CriticalRho:0%} of capacity ({growth}){settleText}"), relaxation, settle);
        // rho says well below capacity; a saturated measurement means the analytic model misses something (a policy, faults).
        if (utilSaturated && growing)
            return new ThreeStateVerdict(StabilityState.Unstable,
                $"{growth} (interval excludes 0) and the measured utilisation is saturated although the analytic {load.Split(',')[0]} is not", relaxation, null);
        if (utilSaturated)
            return new ThreeStateVerdict(StabilityState.Critical,
                $"evidence disagrees: utilisation says saturated but rho < 1 and {growth} includes 0 ({load}){settleText}", relaxation, settle);
        string note = growing
            ? $"{growth} excludes 0 but nothing is saturated ({load}): the backlog is still filling after the warm-up"
            : "";
        return new ThreeStateVerdict(StabilityState.Stable, note, relaxation, null);
    }

    /// <summary>2 rho (c_a^2 + c_s^2) / (mu (1 - rho)^2); null at rho = 1 or without a service rate.</summary>
    public static double? Relaxation(StabilityEvidence e)
    {
        double gap = Math.Abs(1 - e.Rho);
        if (!(e.JobCapacityPerSecond > 0) || !double.IsFinite(e.JobCapacityPerSecond) || gap < 1e-6 || !(e.Rho > 0)) return null;
        return 2 * Math.Min(e.Rho, 1) * (e.ArrivalScv + e.ServiceScv) / (e.JobCapacityPerSecond * gap * gap);
    }

    private static string Finite(double x) => double.IsFinite(x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "?";
}
