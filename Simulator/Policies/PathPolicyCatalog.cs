using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>The verification-path policies a scenario may name (<c>policy: {name: NAME, ...}</c>).</summary>
public static class PathPolicyCatalog
{
    private static readonly string[] Floor = ["floor"];

    public static Catalog<IPathPolicy> Create() => new("path policy",
    [
        new("static", "Draw each request's path from its class's paths: weights.", [new()], (_, r) => new StaticMixPolicy(r)),
        new("by_class", "A fixed path per class: CLASS: PATH for each class, or default: PATH for the rest.",
            [new([], [ByClassPolicy.DefaultKey], "CLASS: PATH")], (s, _) => new ByClassPolicy(s)) { ClassCheck = ByClassPolicy.CheckClasses },
        new("adaptive", "The static draw, but while the proof backlog (jobs) exceeds backlog_high, or the predicted proof lag " +
            "exceeds lag_high_s, paths needing provers (zkml, zkcrv) go down to a faster one (to: PATH, default the next weaker " +
            "path without proofs), never below the floor (class trust_floor, else floor, else vanilla); back when below " +
            "backlog_low (default high/2) and lag_low_s.",
            [new(["backlog_high"], ["backlog_low", "lag_high_s", "lag_low_s", "floor", "to"]), new(["lag_high_s"], ["lag_low_s", "floor", "to"])],
            (s, r) => new AdaptivePolicy(s, r)),
        new("slo", "The strongest path at or above the floor whose predicted time to trust meets the class deadline_s; " +
            "the strongest without a deadline, the fastest when none meets it.", [new([], Floor)], (s, _) => new SloPolicy(s)),
        new("cost", "The cheapest path at or above the floor: expected GPU-seconds x gpu_price + CPU-seconds x cpu_price.",
            [new(["gpu_price", "cpu_price"], Floor)], (s, _) => new CostPolicy(s)),
        new("utility", "Each client picks the path at or above the floor maximising trust value - fee - delay_cost_per_s x predicted time " +
            "to trust (dollars): values per path value_zkml, value_tee, value_zkcrv, value_vanilla (default 0) and delay_cost_per_s (default 0), " +
            "each overridden by the class's trust_value and delay_cost_per_s; fees from costs: (GPU/CPU-seconds x price + gas x gas price).",
            [new([], [.. UtilityPolicy.ValueKeys, "delay_cost_per_s", "floor"])], (s, _) => new UtilityPolicy(s)),
    ]);
}
