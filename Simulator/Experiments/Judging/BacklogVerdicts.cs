using HacaSim.Analysis.Statistics;
using HacaSim.Capacity;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Judging;

/// <summary>
/// The three-state verdict of every pool's backlog and of the chain's ("settlement"), from the
/// replications' trends, their measured utilisation and the scenario's analytic capacity
/// (<see cref="StabilityJudge"/>). One place judges, so summary.json, the console, sweeps, compare and
/// plan agree.
/// </summary>
public sealed class BacklogVerdicts
{
    /// <summary>Arrivals at each pool are treated as Poisson (the split of Poisson traffic is Poisson): c_a^2 = 1.</summary>
    private const double ArrivalScv = 1;

    private readonly Dictionary<string, ThreeStateVerdict> _verdicts = new(StringComparer.Ordinal);

    public BacklogVerdicts(Scenario scenario, IReadOnlyList<ReplicationResult> reps, CapacityReport capacity)
    {
        Capacity = capacity;
        double warmup = scenario.Run.WarmupSeconds, duration = scenario.Run.DurationSeconds;
        foreach (PoolResult first in reps[0].Pools)
        {
            var all = reps.Select(r => r.Pools.First(p => p.Name == first.Name)).ToList();
            var (growth, ci) = Growth(all.Select(p => p.Stability).ToList());
            double utilization = all.Average(p => p.Availability > 0 ? p.Utilization / p.Availability : p.Utilization);
            PoolLoad? load = capacity.Pool(first.Name);
            bool overflowed = reps.Any(r => r.Metrics.Overflow.ContainsKey(first.Name));
            _verdicts[first.Name] = StabilityJudge.Judge(new StabilityEvidence(growth, ci, overflowed, load?.BindingRho ?? 0, utilization,
                load?.JobCapacityPerSecond ?? double.NaN, ArrivalScv, load?.ServiceScv ?? 1, warmup, duration));
        }
        if (reps.All(r => r.SettlementStability is not null))
        {
            var (growth, ci) = Growth(reps.Select(r => r.SettlementStability!).ToList());
            // Blocks take a fixed number of items at fixed intervals: deterministic service (c_s^2 = 0).
            _verdicts[TimeSeriesSampler.SettlementPool] = StabilityJudge.Judge(new StabilityEvidence(growth, ci, false, capacity.Chain.Rho, null,
                capacity.Chain.CapacityItemsPerSecond, ArrivalScv, 0, warmup, duration));
        }
    }

    public CapacityReport Capacity { get; }

    /// <summary>Pools in scenario order, then "settlement".</summary>
    public IReadOnlyDictionary<string, ThreeStateVerdict> All => _verdicts;

    public ThreeStateVerdict? Of(string backlog) => _verdicts.GetValueOrDefault(backlog);

    /// <summary>The worst state among <paramref name="backlogs"/> (unstable over critical over stable).</summary>
    public StabilityState Worst(IEnumerable<string> backlogs) =>
        backlogs.Select(b => Of(b)?.State ?? StabilityState.Stable).DefaultIfEmpty(StabilityState.Stable).Max();

    /// <summary>
    /// The trend test's boolean across replications (summary.json's and sweep.csv's <c>stable</c>, whose meaning is kept:
    /// the per-replication trend verdicts combined by majority, a single replication deciding alone). It lives here, beside
    /// the three-state verdict, so that every verdict of a run, sweep, compare or merge comes from this one judge.
    /// </summary>
    public static bool TrendStable(IEnumerable<StabilityVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return list.Count(v => !v.Stable) * 2 <= list.Count;
    }

    /// <summary>Mean growth and its 95% half-width: Student-t across replications, the trend fit's own with one.</summary>
    public static (double Growth, double Ci95) Growth(IReadOnlyList<StabilityVerdict> verdicts)
    {
        if (verdicts.Count == 1) return (verdicts[0].GrowthPerSecond, verdicts[0].GrowthCi95);
        var s = SummaryStatistic.FromValues(verdicts.Select(v => v.GrowthPerSecond).ToList());
        return (s.Mean, s.Ci95 ?? double.NaN);
    }
}
