using System.Runtime.CompilerServices;
using HacaSim.Catalog;
using HacaSim.Engine;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// The read-only view a path policy decides from: backlogs now, and predictions built from them. A
/// prediction walks the request's remaining life: each queue's wait is estimated as the work ahead of it
/// (jobs waiting + 1, times the recently measured mean service time) spread over the pool's slots, once
/// every slot is busy; then its own service (class means), hops, and settlement (the pending blocks, half
/// an interval, consensus). Recent service times are exponentially weighted averages that start from the
/// class means, so the view follows a changing load without keeping history.
/// </summary>
public sealed class NetworkView : INetworkView
{
    // Weight of the newest observation in the moving averages: about the last 10 jobs count.
    private const double Smoothing = 0.1;

    private readonly Simulation _sim;
    private readonly Scenario _scenario;
    private readonly NetworkPools _pools;
    private readonly Settlement _settlement;
    private readonly int _replication;
    private readonly Dictionary<string, Pool> _byName;
    private readonly double _hop, _attest, _sign, _dataFetch;
    private readonly double[] _verify = new double[4];
    private readonly double[] _recentLag = [double.NaN, double.NaN, double.NaN, double.NaN];
    private double _inferenceService = double.NaN, _proofService = double.NaN;

    public NetworkView(Simulation sim, Scenario scenario, NetworkPools pools, Settlement settlement, int replication, ScenarioCatalogs catalogs)
    {
        _sim = sim;
        _scenario = scenario;
        _pools = pools;
        _settlement = settlement;
        _replication = replication;
        _byName = pools.All.ToDictionary(p => p.Name, StringComparer.Ordinal);
        double Mean(ComponentSpec spec) => catalogs.Distributions.Describe(spec).Mean;
        PathsConfig p = scenario.Paths;
        _hop = Mean(scenario.Network.HopLatency);
        _attest = Mean(p.Tee.AttestSeconds);
        _sign = Mean(p.Vanilla.SignSeconds);
        _dataFetch = Mean(scenario.Data.ExternalLatency) * scenario.Data.EnclaveOverheadFactor;
        _verify[(int)VerificationPath.Zkml] = Mean(p.Zkml.VerifySeconds);
        _verify[(int)VerificationPath.Tee] = Mean(p.Tee.VerifySeconds);
        _verify[(int)VerificationPath.ZkCrv] = Mean(p.ZkCrv.VerifySeconds);
        _verify[(int)VerificationPath.Vanilla] = Mean(p.Vanilla.VerifySeconds);
    }

    public double Now => _sim.Now;
    public int ProofBacklog => _pools.Prover is { } p ? p.Waiting + p.Busy : 0;
    public int VerificationBacklog => _pools.Verification.Waiting + _pools.Verification.Busy;
    public int SettlementBacklog => _settlement.Pending + _settlement.AwaitingFinality;

    public double Utilization(string pool) => _byName.TryGetValue(pool, out Pool? p) ? (double)p.Busy / p.TotalSlots : 0;

    public bool CanServe(VerificationPath path) => path != VerificationPath.Tee || _pools.Inference.TeeCapableNodes > 0;

    public double RecentProofLagSeconds(VerificationPath path) => _recentLag[(int)path];

    public double PredictedTimeToTrustSeconds(Request request, VerificationPath path, bool idle = false)
    {
        double data = request.NeedsData ? _dataFetch + _hop : 0;
        double inference = request.Class.Cost.MeanSeconds * (path == VerificationPath.Tee ? _scenario.Paths.Tee.InferenceOverheadFactor : 1);
        double wait = idle ? 0 : Wait(_pools.Inference, Recent(_inferenceService, request.Class.Cost.MeanSeconds));
        return data + wait + inference + PredictedProofLagSeconds(request, path, idle);
    }

    public double PredictedProofLagSeconds(Request request, VerificationPath path, bool idle = false)
    {
        // The jobs queued for verification are taken to cost about what this one does (they are milliseconds).
        double afterProof = _hop + (idle ? 0 : Wait(_pools.Verification, _verify[(int)path])) + _verify[(int)path]
            + (idle ? SettleIdle() : Settle());
        switch (path)
        {
            case VerificationPath.Zkml:
                return ZkmlProof(request, idle) + afterProof;
            case VerificationPath.Tee:
                return _attest + afterProof;
            case VerificationPath.ZkCrv:
                // Final at the later of the challenge window's end and settlement; a challenged one is proven first.
                double p = _scenario.Paths.ZkCrv.ChallengeProbability;
                double unchallenged = Math.Max(_scenario.Paths.ZkCrv.ChallengeWindowSeconds, _sign + afterProof);
                return (1 - p) * unchallenged + p * (ZkmlProof(request, idle) + afterProof);
            default:
                return _sign + afterProof;
        }
    }

    public PathCost ExpectedCost(Request request, VerificationPath path)
    {
        double inference = request.Class.Cost.MeanSeconds;
        double proof = request.Class.MeanProofWorkSeconds;
        double verifyCpu = _replication * _verify[(int)path];
        return path switch
        {
            VerificationPath.Zkml => new PathCost(inference + proof, verifyCpu),
            VerificationPath.Tee => new PathCost(inference * _scenario.Paths.Tee.InferenceOverheadFactor + _attest, verifyCpu),
            VerificationPath.ZkCrv => new PathCost(inference + _sign + _scenario.Paths.ZkCrv.ChallengeProbability * proof, verifyCpu),
            _ => new PathCost(inference + _sign, verifyCpu),
        };
    }

    public double ExpectedFeeUsd(Request request, VerificationPath path)
    {
        if (_scenario.Costs is not { } costs) return 0;
        PathCost cost = ExpectedCost(request, path);
        return cost.Price(costs.GpuHourUsd / 3600, costs.CpuHourUsd / 3600) + costs.GasUsd(_scenario.Paths.SettleGas(path));
    }

    /// <summary>Feeds the moving averages of service times (called when a node finishes a job).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void OnServiceEnd(Request request)
    {
        double now = _sim.Now;
        if (request.Stage == RequestStage.Inference) _inferenceService = Update(_inferenceService, now - request.InferenceStartSeconds);
        else if (request.Stage == RequestStage.Proof) _proofService = Update(_proofService, now - request.ProofStartSeconds);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void OnFinal(Request request)
    {
        if (!double.IsNaN(request.ResultSeconds))
            _recentLag[(int)request.Path] = Update(_recentLag[(int)request.Path], request.FinalSeconds - request.ResultSeconds);
    }

    private double ZkmlProof(Request request, bool idle)
    {
        // Without a prover pool the proof queues on the inference node, behind inference work.
        Pool pool = _pools.Prover ?? _pools.Inference;
        double mean = request.Class.MeanProofWorkSeconds;
        double wait = idle ? 0 : Wait(pool, Recent(_pools.Prover is null ? _inferenceService : _proofService, mean));
        return _hop + wait + mean;
    }

    /// <summary>Expected wait to start in <paramref name="pool"/>: none while a slot is free, else the work ahead over the slots.</summary>
    private static double Wait(Pool pool, double meanServiceSeconds)
    {
        int slots = pool.TotalSlots;
        return pool.Busy < slots ? 0 : (pool.Waiting + 1) * meanServiceSeconds / slots;
    }

    private double Settle()
    {
        if (!_settlement.IsBlocks) return 0;
        double blocksAhead = Math.Floor((double)_settlement.Pending / _settlement.BlockCapacity);
        return (blocksAhead + 0.5) * _settlement.CycleEstimateSeconds + _settlement.ConsensusLatencySeconds;
    }

    private double SettleIdle() =>
        _settlement.IsBlocks ? 0.5 * _settlement.CycleEstimateSeconds + _settlement.ConsensusLatencySeconds : 0;

    private static double Recent(double average, double fallback) => double.IsNaN(average) ? fallback : average;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Update(double average, double x) => double.IsNaN(average) ? x : average + Smoothing * (x - average);
}
