using HacaSim.Analysis.Statistics;
using HacaSim.Catalog;
using HacaSim.Engine;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// One replication of a scenario: builds the pools, lifecycle, settlement and traffic on a fresh
/// simulation with the replication's streams, runs it to the scenario's duration, and measures.
/// </summary>
public sealed class HacaNetwork
{
    private readonly Scenario _scenario;
    private readonly int _replication;
    private readonly Simulation _sim;
    private readonly NetworkPools _pools;
    private readonly RunMetrics _metrics;
    private readonly RequestLifecycle _lifecycle;
    private readonly TimeSeriesSampler _sampler;

    public HacaNetwork(Scenario scenario, int replication, RandomStreams streams, ScenarioCatalogs catalogs, IRequestSink? sink = null)
        : this(scenario, replication, streams, catalogs, sink, continuations: true)
    {
    }

    /// <param name="continuations">False puts every zero-delay hand-off on the calendar (<see cref="Simulation.TryContinueNow"/>): for tests comparing both.</param>
    internal HacaNetwork(Scenario scenario, int replication, RandomStreams streams, ScenarioCatalogs catalogs, IRequestSink? sink, bool continuations)
    {
        _sim = new Simulation { ContinuationsEnabled = continuations };
        _scenario = scenario;
        _replication = replication;
        _pools = BuildPools(streams, catalogs);
        _metrics = new RunMetrics(scenario.Run.WarmupSeconds);
        IPathPolicy policy = catalogs.PathPolicies.Create(scenario.Policy, streams.Stream("policy/path"));
        _lifecycle = new RequestLifecycle(_sim, scenario, _pools, _metrics, policy, streams, catalogs, sink);
        foreach (Pool pool in _pools.All)
            foreach (Node node in pool.Nodes) node.RouteTo(_lifecycle); // no proxy hop per job from here on
        _ = new TrafficSource(_sim, scenario, _lifecycle, streams, catalogs);
        if (scenario.FaultsOrNone.Any) _ = new FaultInjector(_sim, scenario.FaultsOrNone, _pools.All, streams, catalogs, _lifecycle);
        _sampler = new TimeSeriesSampler(_sim, replication, _pools.All, _lifecycle.Settlement, _metrics,
            scenario.Run.SampleIntervalSeconds, scenario.Run.DurationSeconds);
        _sim.ScheduleWarmup(scenario.Run.WarmupSeconds);
    }

    public RunMetrics Metrics => _metrics;
    public Simulation Simulation => _sim;
    public NetworkPools Pools => _pools;

    private NetworkPools BuildPools(RandomStreams streams, ScenarioCatalogs catalogs)
    {
        var pools = new Dictionary<string, Pool>(StringComparer.Ordinal);
        // The loader allows at most one batching model per scenario: a GPU batches sequences of one model.
        BatchingConfig? batching = _scenario.Traffic.Classes
            .Select(c => c.Model is { } m ? _scenario.Models[m].Batching : null).FirstOrDefault(b => b is not null);
        foreach (PoolConfig pc in _scenario.Pools.Values)
        {
            ContinuousBatching? nodeBatching = batching is not null && pc.Name == _scenario.Roles.Inference
                ? new ContinuousBatching(batching, pc.Slots) : null;
            var dispatcher = catalogs.Dispatchers.Create(ComponentSpec.Of(pc.Dispatcher), streams.Stream($"dispatch/{pc.Name}"));
            var central = pc.Queue == PoolQueue.Central
                ? catalogs.Disciplines.Create(ComponentSpec.Of(pc.Discipline), streams.Stream($"discipline/{pc.Name}/central")) : null;
            var pool = new Pool(pc.Name, dispatcher, _sim, central);
            int capacity = pc.QueueCapacity is { } q ? pc.Slots + q : int.MaxValue;
            GpuSharing? sharing = pc.Sharing is { } sc ? new GpuSharing(sc, pc.Slots, nodeBatching) : null;
            for (int i = 0; i < pc.Nodes; i++)
            {
                var discipline = catalogs.Disciplines.Create(ComponentSpec.Of(pc.Discipline), streams.Stream($"discipline/{pc.Name}"));
                var proofDiscipline = sharing is null ? null
                    : catalogs.Disciplines.Create(ComponentSpec.Of(pc.Discipline), streams.Stream($"discipline/{pc.Name}/proofs"));
                pool.Add(new Node(_sim, pool, i, pc.Slots, pc.Speed, i < pc.TeeCapableNodes, capacity, discipline, new RouterProxy(this), nodeBatching,
                    sharing, proofDiscipline));
            }
            pools[pc.Name] = pool;
        }
        RolesConfig roles = _scenario.Roles;
        Pool Role(string name) => pools.TryGetValue(name, out Pool? p) ? p : pools[roles.Inference];
        // With on-chain verification the scenario may have no verification pool: an empty one that is never
        // dispatched to (and not reported) keeps the backlog views at zero.
        Pool verification = pools.TryGetValue(roles.Verification, out Pool? v) ? v
            : new Pool(roles.Verification, catalogs.Dispatchers.Create(ComponentSpec.Of("jsq"), streams.Stream($"dispatch/{roles.Verification}")), _sim);
        PoolConfig? gateway = _scenario.Pools.GetValueOrDefault(roles.Gateway) is { IsGateway: true } g ? g : null;
        return new NetworkPools(pools[roles.Inference], verification, Role(roles.Data),
            roles.Prover is null ? null : pools[roles.Prover], pools.Values.ToList())
        {
            Gateway = gateway is null ? null : pools[gateway.Name],
            GatewayCalls = gateway?.Gateway is { } gc
                ? new ProviderGateway(gc.ProviderRps, catalogs.Distributions.Create(gc.EnclaveOverheadSeconds, streams.Stream($"gateway/{gateway.Name}/enclave")),
                    catalogs.Distributions.Create(gc.SignSeconds, streams.Stream($"gateway/{gateway.Name}/sign")))
                : null,
        };
    }

    /// <summary>
    /// Simulated seconds reached and events fired so far, for a progress display on another thread: it only reads
    /// two counters (a torn or stale read shows a slightly old value), so it cannot change the run.
    /// </summary>
    public (double SimulatedSeconds, long Events) Progress => (_sim.Now, _sim.EventsFired);

    /// <summary>Runs to the scenario's duration and returns the measurements; <paramref name="cancel"/> stops it early (OperationCanceledException).</summary>
    public ReplicationResult Run(CancellationToken cancel = default)
    {
        _sim.Run(_scenario.Run.DurationSeconds, cancel);
        _lifecycle.Settlement.Finish();
        _lifecycle.LogInFlight();
        double now = _sim.Now;
        double warmup = _scenario.Run.WarmupSeconds;
        var results = new List<PoolResult>();
        foreach (Pool pool in _pools.All)
        {
            double waiting = pool.Nodes.Sum(n => n.Station.Statistics.Waiting.Mean(now)) + (pool.IsCentral ? pool.CentralWaiting.Mean(now) : 0);
            double busy = pool.Nodes.Sum(n => n.Station.Statistics.Busy.Mean(now));
            int slots = pool.TotalSlots;
            results.Add(new PoolResult(pool.Name, pool.Nodes.Count, slots, busy / slots, waiting, busy, pool.Wait, pool.Service,
                Stability(pool.Name, slots), pool.Availability.Mean(now)) { WaitBatches = pool.WaitBatches });
        }
        Settlement chain = _lifecycle.Settlement;
        return new ReplicationResult(_replication, _metrics, results, _sampler.Rows, _sampler.ProofLag, _sim.EventsFired, Outages())
        {
            // The chain's "server" is a block: growth by less than a block's worth is not a trend.
            SettlementStability = Assess(TimeSeriesSampler.SettlementPool, chain.IsBlocks ? chain.BlockCapacity : 1),
            Chain = chain.IsBlocks ? chain.Metrics : null,
        };

        StabilityVerdict Stability(string pool, int slots)
        {
            StabilityVerdict verdict = Assess(pool, Math.Max(1, slots / Math.Max(1, _scenario.Pools[pool].Nodes)));
            // A pool that hit run.max_waiting is overloaded by definition; its sampled backlog sits flat at the
            // cap, so the trend alone would call it stable. Its growth includes the jobs counted past the cap.
            if (!_metrics.Overflow.TryGetValue(pool, out long counted)) return verdict;
            double growth = (double.IsNaN(verdict.GrowthPerSecond) ? 0 : verdict.GrowthPerSecond) + counted / Math.Max(1e-9, now - warmup);
            return verdict with { Stable = false, GrowthPerSecond = growth };
        }

        StabilityVerdict Assess(string pool, double slack)
        {
            var rows = _sampler.Rows.Where(r => r.Pool == pool && r.TimeSeconds >= warmup).ToList();
            return BacklogStability.Assess(rows.Select(r => r.TimeSeconds).ToList(), rows.Select(r => (double)r.Backlog).ToList(), slack);
        }
    }

    /// <summary>
    /// Recovery of the proof backlog (every job at the prover and verification pools and on the chain)
    /// from each scheduled outage, measured on the sampled time series.
    /// </summary>
    private List<OutageRecovery> Outages()
    {
        // Nothing to measure without outages: skip summing the backlog series (11,111 samples per pool in an M/M/4 run),
        // which ran after every replication on its thread.
        if (_scenario.FaultsOrNone.Outages.Count == 0) return [];
        var proofPools = new HashSet<string> { _pools.Verification.Name, TimeSeriesSampler.SettlementPool };
        if (_pools.Prover is { } prover) proofPools.Add(prover.Name);
        var backlog = _sampler.Rows.Where(r => proofPools.Contains(r.Pool)).GroupBy(r => r.TimeSeconds)
            .Select(g => (Time: g.Key, Backlog: (double)g.Sum(r => r.Backlog))).OrderBy(p => p.Time).ToList();
        var times = backlog.Select(p => p.Time).ToList();
        var values = backlog.Select(p => p.Backlog).ToList();
        return _scenario.FaultsOrNone.Outages.Select(o => OutageRecovery.Measure(times, values, o.StartSeconds, o.EndSeconds)).ToList();
    }

    /// <summary>Lets nodes be built before the lifecycle that routes their work exists.</summary>
    private sealed class RouterProxy(HacaNetwork network) : IStageRouter
    {
        public double WorkSeconds(Request request) => network._lifecycle.WorkSeconds(request);
        public double ExpectedWorkSeconds(Request request) => network._lifecycle.ExpectedWorkSeconds(request);
        public void OnServiceStart(Request request) => network._lifecycle.OnServiceStart(request);
        public void OnServiceEnd(Request request, Node node, bool endsEvent) => network._lifecycle.OnServiceEnd(request, node, endsEvent);
    }
}
