using HacaSim.Analysis.Statistics;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Judging;

/// <summary>
/// Which statistics in summary.json come from a backlog that grows without bound (their mean then
/// depends on the run length, not on the system). A pool's own statistics are marked when the pool is
/// unstable. A path's statistics are marked when its requests pass through an unstable pool:
/// result latency via the data and inference pools; proof lag and time to trust also via verification
/// and the settlement chain, and for ZKML and ZK-CRV (challenged requests need a ZKML proof) via the
/// prover pool (the inference pool when proofs are colocated). Synchronous settlement holds the
/// result until final, so the result latency is then marked like time to trust.
/// </summary>
public sealed class UnstableMarks
{
    private readonly HashSet<string> _unstable;
    private readonly Scenario _scenario;

    /// <summary>A backlog is unstable when its three-state verdict is (critical and stable backlogs are not marked).</summary>
    public UnstableMarks(Scenario scenario, BacklogVerdicts judged)
    {
        _scenario = scenario;
        _unstable = [.. judged.All.Where(v => v.Value.State == StabilityState.Unstable).Select(v => v.Key)];
    }

    /// <summary>Unstable pools (and "settlement"), in ordinal order.</summary>
    public IReadOnlyList<string> Pools => [.. _unstable.Order(StringComparer.Ordinal)];

    public bool Pool(string name) => _unstable.Contains(name);

    public bool ResultLatency(VerificationPath path) =>
        _scenario.Settlement.Synchronous ? Trust(path) : ResultStages();

    /// <summary>Proof lag and time to trust.</summary>
    public bool Trust(VerificationPath path)
    {
        RolesConfig roles = _scenario.Roles;
        bool proofs = path is VerificationPath.Zkml or VerificationPath.ZkCrv && Pool(roles.Prover ?? roles.Inference);
        return ResultStages() || proofs || Pool(roles.Verification) || Pool(TimeSeriesSampler.SettlementPool);
    }

    private bool ResultStages()
    {
        RolesConfig roles = _scenario.Roles;
        // The data role falls back to the inference pool when it names no pool (as HacaNetwork builds it).
        string data = _scenario.Pools.ContainsKey(roles.Data) ? roles.Data : roles.Inference;
        return Pool(roles.Inference) || Pool(data);
    }
}
