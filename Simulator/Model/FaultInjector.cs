using HacaSim.Engine;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// Takes nodes down and brings them back as the scenario's <c>faults:</c> block says: random failures
/// per node (MTBF/MTTR, each node on its own stream so adding a faulty pool moves nobody else's draws,
/// each starting in its process's stationary state),
/// scheduled outages of some or all of a pool, and the vendor-wide TEE outage that downs every
/// TEE-capable node at once. What the downed nodes held goes to the lifecycle's interrupt rule.
/// </summary>
public sealed class FaultInjector
{
    private readonly Simulation _sim;
    private readonly RequestLifecycle _lifecycle;

    public FaultInjector(Simulation sim, FaultsConfig config, IReadOnlyList<Pool> pools, RandomStreams streams, ScenarioCatalogs catalogs,
        RequestLifecycle lifecycle)
    {
        _sim = sim;
        _lifecycle = lifecycle;
        foreach (NodeFailureConfig failure in config.NodeFailures)
        {
            Pool pool = pools.First(p => p.Name == failure.Pool);
            foreach (Node node in pool.Nodes)
            {
                Random rng = streams.Stream($"faults/{pool.Name}/{node.Index}");
                IDistribution up = catalogs.Distributions.Create(failure.TimeBetweenFailures, rng);
                IDistribution down = catalogs.Distributions.Create(failure.TimeToRepair, rng);
                Action<object?>? fail = null, repair = null;
                fail = _ =>
                {
                    Down(pool, node);
                    _sim.Schedule(down.Sample(), repair!);
                };
                repair = _ =>
                {
                    Up(pool, node);
                    _sim.Schedule(up.Sample(), fail);
                };
                // Start in the stationary state of the up/down renewal process, so availability is
                // MTBF/(MTBF+MTTR) from t = 0 (as the capacity model assumes) rather than after a transient
                // from all-up that a short run or warm-up would not wash out: down with probability
                // MTTR/(MTBF+MTTR), and the period in progress ends after its equilibrium residual.
                if (rng.NextDouble() * (up.Mean + down.Mean) < down.Mean)
                {
                    Down(pool, node);
                    _sim.Schedule(EquilibriumResidual.Sample(down, rng), repair);
                }
                else _sim.Schedule(EquilibriumResidual.Sample(up, rng), fail);
            }
        }
        foreach (OutageConfig outage in config.Outages)
        {
            var targets = outage.TeeVendor
                ? pools.SelectMany(p => p.Nodes.Where(n => n.TeeCapable).Select(n => (Pool: p, Node: n))).ToList()
                : pools.Where(p => p.Name == outage.Pool).SelectMany(p => p.Nodes.Take(outage.Nodes ?? int.MaxValue).Select(n => (Pool: p, Node: n))).ToList();
            _sim.ScheduleAt(outage.StartSeconds, _ => targets.ForEach(t => Down(t.Pool, t.Node)));
            _sim.ScheduleAt(outage.EndSeconds, _ => targets.ForEach(t => Up(t.Pool, t.Node)));
        }
    }

    private void Down(Pool pool, Node node)
    {
        var interrupted = node.FaultStarts();
        pool.NodeStateChanged();
        foreach (var job in interrupted) _lifecycle.OnInterrupted(pool, job);
    }

    private void Up(Pool pool, Node node)
    {
        if (!node.FaultEnds()) return;
        pool.NodeStateChanged();
        _lifecycle.OnNodeUp(pool);
    }
}
