using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using HacaSim.Workload;

namespace HacaSim.Capacity;

/// <summary>
/// Offered load per pool and for the chain from a bound scenario, without simulating: for each class,
/// the mean work each stage puts on the pool playing its role (RequestLifecycle's routing, written as
/// expectations), weighted by the class's arrival rate. Every formula mirrors what the model does:
/// data fetch = external latency x enclave overhead on the data pool (if the class needs data);
/// inference = work x TEE overhead on the TEE path; a ZKML proof (ZKML path, challenged ZK-CRV) on the
/// prover pool or, colocated, on the inference pool; verification = k copies of the path's verify time;
/// one settlement item per request. Effects the model has and this leaves out are listed in the notes.
/// </summary>
public static class CapacityModel
{
    private const int RateIntegrationSteps = 10_000;

    public static CapacityReport Analyse(Scenario scenario, ScenarioCatalogs catalogs)
    {
        var notes = new List<string>();
        var rates = ClassRates(scenario, catalogs, notes, out string method);
        double total = rates.Sum(r => r.Rate);
        RolesConfig roles = scenario.Roles;
        string dataPool = scenario.Pools.ContainsKey(roles.Data) ? roles.Data : roles.Inference;
        string proofPool = roles.Prover ?? roles.Inference;
        // Proof work in the pool's capacity units. On a shared GPU in a slot mode a proof holds one slot at 1/factor of
        // the GPU (factor: the node's slots, or the deprecated proof_slot_factor), so it occupies a slot factor times as
        // long. With processor sharing a proof takes a time-slice of the whole GPU: a second of it costs a node's whole
        // capacity for a second (its slots, or a full batch's throughput on a batching GPU).
        PoolConfig proofPoolConfig = scenario.Pools[proofPool];
        BatchingCapacity(scenario, proofPoolConfig, rates, out double proofNodeCapacity);
        double proofSlotFactor = proofPoolConfig.Sharing switch
        {
            null => 1,
            { Mode: SharingMode.Processor } => proofNodeCapacity,
            var sharing => sharing.ProofSlotFactor ?? proofPoolConfig.Slots,
        };
        int verifiers = scenario.Pools[roles.Verification].Nodes;
        // k copies, but never more than the verifiers that are up: with k = all, churn lowers the copies with the capacity.
        double verifiersUp = verifiers * Availability(scenario, scenario.Pools[roles.Verification], catalogs, [], teeOnly: false);
        double k = Math.Min(scenario.Verification.Replication ?? int.MaxValue, verifiersUp);
        PathsConfig paths = scenario.Paths;
        IDistribution Dist(ComponentSpec spec) => catalogs.Distributions.Describe(spec); // moments only: never sampled

        // Jobs each pool receives, as (jobs per arriving request, mean work, second moment of work), per stage.
        var jobs = scenario.Pools.Keys.ToDictionary(p => p, _ => new List<Job>(), StringComparer.Ordinal);
        var teeWork = 0.0;
        var gatewayCalls = 0.0; // provider calls per arriving request
        IDistribution external = Dist(scenario.Data.ExternalLatency);
        double enclave = scenario.Data.EnclaveOverheadFactor;
        Moments zkmlVerify = Moments.Of(Dist(paths.Zkml.VerifySeconds));
        var verify = new Dictionary<VerificationPath, Moments>
        {
            [VerificationPath.Zkml] = zkmlVerify,
            [VerificationPath.Tee] = Moments.Of(Dist(paths.Tee.VerifySeconds)),
            [VerificationPath.ZkCrv] = Moments.Of(Dist(paths.ZkCrv.VerifySeconds)),
            [VerificationPath.Vanilla] = Moments.Of(Dist(paths.Vanilla.VerifySeconds)),
        };
        double q = paths.ZkCrv.ChallengeProbability;
        var requestWork = new List<PathWork>();
        bool onchain = scenario.Verification.Placement == VerificationPlacement.Onchain;
        // Per request share: (share, on-chain execution seconds, gas) of its settlement item.
        var chainItems = new List<(double Share, double ExecutionSeconds, double Gas)>();
        foreach (ClassRate c in rates)
        {
            double share = total > 0 ? c.Rate / total : 0;
            if (share == 0) continue;
            IReadOnlyDictionary<VerificationPath, double> mix = PathMix(scenario, c.Config, notes);
            Moments inference = c.Inference;
            // A model on a proof system verifies its proofs in that system's time (TrafficSource does the same).
            Moments classZkmlVerify = c.ZkmlVerify ?? zkmlVerify;
            foreach (var (path, w) in mix)
            {
                // One request of this class on this path: the jobs it puts on each pool (per request, not per arrival).
                var own = new List<(string Pool, Job Job)>();
                // Data: a fetch holds a data slot for latency x enclave overhead (the data timeout, if any, is ignored).
                if (c.Config.NeedsDataProbability > 0)
                    own.Add((dataPool, new Job("data", c.Config.NeedsDataProbability, Moments.Of(external).Scale(enclave))));
                // Inference: inside a TEE the work is slower by the TEE overhead. A provider-model class calls out through the
                // gateway instead: its slot is held for the provider's time, the enclave overhead and the signature (the
                // rate-limit wait is left out: it is the provider's queue, whose own rho is provider calls / provider_rps).
                double factor = path == VerificationPath.Tee && c.Gateway is null ? paths.Tee.InferenceOverheadFactor : 1;
                if (c.Gateway is { } gw)
                    own.Add((roles.Gateway, new Job("inference", 1, inference.PlusIndependent(Moments.Of(Dist(gw.EnclaveOverheadSeconds)))
                        .PlusIndependent(Moments.Of(Dist(gw.SignSeconds))))));
                else own.Add((roles.Inference, new Job("inference", 1, inference.Scale(factor))));
                if (c.Gateway is not null) gatewayCalls += share * w;
                // Proof: ZKML always, ZK-CRV when challenged.
                double zk = path == VerificationPath.Zkml ? 1 : path == VerificationPath.ZkCrv ? q : 0;
                if (zk > 0) own.Add((proofPool, new Job("proof", zk, c.Proof.Scale(proofSlotFactor))));
                // Verification: k copies; a challenged ZK-CRV request carries a ZKML proof. On chain, it is block execution instead.
                Moments pathVerify = path == VerificationPath.Zkml ? classZkmlVerify : verify[path];
                double verifyMean = path == VerificationPath.ZkCrv ? (1 - q) * pathVerify.Mean + q * classZkmlVerify.Mean : pathVerify.Mean;
                double gas = path == VerificationPath.ZkCrv ? (1 - q) * paths.ZkCrv.SettleGas + q * paths.Zkml.SettleGas : GasOf(paths, path);
                chainItems.Add((share * w, onchain ? verifyMean : 0, gas));
                if (onchain) { }
                else if (path == VerificationPath.ZkCrv)
                {
                    own.Add((roles.Verification, new Job("verify", (1 - q) * k, pathVerify)));
                    own.Add((roles.Verification, new Job("verify", q * k, classZkmlVerify)));
                }
                else own.Add((roles.Verification, new Job("verify", k, pathVerify)));
                foreach (var (pool, job) in own) jobs[pool].Add(job with { PerRequest = job.PerRequest * share * w });
                if (path == VerificationPath.Tee && c.Gateway is null) teeWork += share * w * inference.Mean * factor;
                requestWork.Add(new PathWork(c.Config.Name, path, share * w,
                    own.GroupBy(o => o.Pool).ToDictionary(g => g.Key, g => g.Sum(o => o.Job.PerRequest * o.Job.Work.Mean), StringComparer.Ordinal)));
            }
        }

        var pools = new List<PoolLoad>();
        foreach (PoolConfig pc in scenario.Pools.Values)
        {
            var list = jobs[pc.Name];
            double perRequest = list.Sum(j => j.PerRequest);
            double work = list.Sum(j => j.PerRequest * j.Work.Mean);
            double second = list.Sum(j => j.PerRequest * j.Work.SecondMoment);
            double meanService = perRequest > 0 ? work / perRequest : 0;
            double scv = perRequest > 0 && meanService > 0 ? second / perRequest / (meanService * meanService) - 1 : 0;
            var byStage = list.GroupBy(j => j.Stage).ToDictionary(g => g.Key, g => g.Sum(j => j.PerRequest * j.Work.Mean), StringComparer.Ordinal);
            double availability = Availability(scenario, pc, catalogs, notes, teeOnly: false);
            bool batching = BatchingCapacity(scenario, pc, rates, out double perNode);
            double capacity = pc.Nodes * perNode * pc.Speed * availability;
            double rho = capacity > 0 ? total * work / capacity : double.PositiveInfinity;
            double? teeRho = null;
            if (pc.Name == roles.Inference && pc.TeeCapableNodes < pc.Nodes && teeWork > 0)
            {
                // TEE requests run only on the TEE-capable nodes: their own, tighter limit.
                double teeCapacity = pc.TeeCapableNodes * perNode * pc.Speed * Availability(scenario, pc, catalogs, notes, teeOnly: true);
                teeRho = teeCapacity > 0 ? total * teeWork / teeCapacity : double.PositiveInfinity;
            }
            // A gateway pool has two limits: its nodes' slots (rho above) and the provider's rate limit, one call per 1 / provider_rps.
            double? providerRho = pc.Gateway is { } g && pc.Name == roles.Gateway ? total * gatewayCalls / g.ProviderRps : null;
            var load = new PoolLoad(pc.Name, RolesOf(pc.Name, roles, dataPool), pc.Nodes, pc.Nodes * pc.Slots, capacity, work, byStage, perRequest,
                Math.Max(0, scv), rho, teeRho, 0, batching) { ProviderRho = providerRho };
            pools.Add(load with { KneeArrivalRate = load.BindingRho > 0 ? total / load.BindingRho : double.PositiveInfinity });
        }
        return new CapacityReport(total, method, pools, Chain(scenario, total, chainItems, catalogs, notes), notes.Distinct().ToList()) { Work = requestWork };
    }

    /// <summary>
    /// The chain settles one item per request. A block holds K = min(block_capacity, gas limit / mean gas per
    /// item, execution budget / mean on-chain verify time per item) items; a height takes
    /// max(T, (E + C) / d) with T the block interval, E the execution of a full block, C the mean consensus
    /// and d the pipeline depth (one height at a time: d = 1; unbounded: T). Throughput K / that cycle.
    /// </summary>
    private static ChainLoad Chain(Scenario scenario, double rate, List<(double Share, double ExecutionSeconds, double Gas)> items,
        ScenarioCatalogs catalogs, List<string> notes)
    {
        SettlementConfig s = scenario.Settlement;
        if (s.Mode != SettlementMode.Blocks) return new ChainLoad(1, double.PositiveInfinity, 0, double.PositiveInfinity, "instant: no limit");
        double share = items.Sum(i => i.Share);
        double execution = share > 0 ? items.Sum(i => i.Share * i.ExecutionSeconds) / share : 0;
        double gas = share > 0 ? items.Sum(i => i.Share * i.Gas) / share : 0;
        if (s.Batch is { } batch)
        {
            // A full batch: one transaction's base gas shared by its items; an aggregated batch verifies one proof on chain.
            gas = batch.GasPerItem + (double)batch.GasBase / batch.MaxItems;
            if (batch.Aggregated) execution /= batch.MaxItems;
            notes.Add("settlement.batch: gas and on-chain verification per item taken at full batches");
        }
        double k = s.BlockCapacity;
        string limit = "block_capacity";
        if (s.BlockGasLimit is { } gasLimit && gas > 0 && gasLimit / gas < k) (k, limit) = (Math.Floor(gasLimit / gas), "gas limit / gas per item");
        if (s.BlockExecutionBudgetSeconds is { } budget && execution > 0 && budget / execution < k) (k, limit) = (Math.Floor(budget / execution), "execution budget / verify per item");
        int validators = s.Validators ?? scenario.Pools[scenario.Roles.Verification].Nodes;
        double consensus = s.Consensus is { Model: ConsensusModel.Quorum } quorum
            ? Model.Chain.QuorumConsensus.Mean(quorum.Phases, validators, r => catalogs.Distributions.Create(quorum.MessageDelaySeconds!, r))
            : s.ConsensusBaseSeconds + s.ConsensusPerValidatorSeconds * validators;
        double fullExecution = k * execution;
        double cycle = s.Pipeline is { } d ? Math.Max(s.BlockIntervalSeconds, (fullExecution + consensus) / d) : Math.Max(s.BlockIntervalSeconds, fullExecution);
        double capacity = k / cycle;
        string formula = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"K / max(T, (E + C) / d) = {k:0.###} ({limit}) / max({s.BlockIntervalSeconds:0.###}, ({fullExecution:0.###} + {consensus:0.###}) / {(s.Pipeline is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unbounded")}) s");
        return new ChainLoad(1, capacity, rate / capacity, capacity, formula);
    }

    private static double GasOf(PathsConfig paths, VerificationPath path) => path switch
    {
        VerificationPath.Zkml => paths.Zkml.SettleGas,
        VerificationPath.Tee => paths.Tee.SettleGas,
        VerificationPath.ZkCrv => paths.ZkCrv.SettleGas,
        _ => paths.Vanilla.SettleGas,
    };

    private static IReadOnlyList<string> RolesOf(string pool, RolesConfig roles, string dataPool)
    {
        var list = new List<string>();
        if (roles.Inference == pool) list.Add("inference");
        if (roles.Gateway == pool) list.Add("gateway");
        if ((roles.Prover ?? roles.Inference) == pool) list.Add("prover");
        if (roles.Verification == pool) list.Add("verification");
        if (dataPool == pool) list.Add("data");
        return list;
    }

    /// <summary>
    /// Work per node per second at full load. Independent slots: slots. A batching GPU: the full batch's
    /// throughput n / (1 + s (n - 1)), with n the profile's max batch, lowered to what the KV cache of a
    /// mean request leaves room for.
    /// </summary>
    private static bool BatchingCapacity(Scenario scenario, PoolConfig pc, IReadOnlyList<ClassRate> rates, out double perNode)
    {
        perNode = pc.Slots;
        if (pc.Name != scenario.Roles.Inference) return false;
        var batched = rates.FirstOrDefault(r => r.Config.Model is { } m && scenario.Models[m].Batching is not null);
        if (batched is null) return false;
        BatchingConfig b = scenario.Models[batched.Config.Model!].Batching!;
        double n = b.MaxBatch ?? pc.Slots;
        if (b.Memory is { } mem && batched.MeanTokens > 0)
            n = Math.Max(1, Math.Min(n, Math.Floor((mem.GpuMemoryGb - mem.WeightsGb) * 1024 / (batched.MeanTokens * mem.KvCacheMbPerToken))));
        perNode = n / (1 + b.BatchSlowdown * (n - 1));
        return true;
    }

    /// <summary>
    /// Share of the pool's capacity up, time-averaged: MTBF / (MTBF + MTTR) for random failures, and the
    /// part of the measured window a scheduled outage takes down.
    /// </summary>
    private static double Availability(Scenario scenario, PoolConfig pc, ScenarioCatalogs catalogs, List<string> notes, bool teeOnly)
    {
        double a = 1;
        FaultsConfig f = scenario.FaultsOrNone;
        foreach (NodeFailureConfig nf in f.NodeFailures.Where(n => n.Pool == pc.Name))
        {
            double up = catalogs.Distributions.Describe(nf.TimeBetweenFailures).Mean;
            double down = catalogs.Distributions.Describe(nf.TimeToRepair).Mean;
            a *= up / (up + down);
            notes.Add($"{pc.Name}: capacity x availability MTBF/(MTBF+MTTR) = {up / (up + down):0.###}");
        }
        double from = scenario.Run.WarmupSeconds, to = scenario.Run.DurationSeconds;
        foreach (OutageConfig o in f.Outages)
        {
            double overlap = Math.Max(0, Math.Min(to, o.EndSeconds) - Math.Max(from, o.StartSeconds)) / Math.Max(1e-9, to - from);
            if (overlap == 0) continue;
            double downShare = o.TeeVendor
                ? (teeOnly ? 1 : (double)pc.TeeCapableNodes / pc.Nodes)
                : o.Pool == pc.Name ? Math.Min(pc.Nodes, o.Nodes ?? pc.Nodes) / (double)pc.Nodes : 0;
            if (downShare == 0) continue;
            a *= 1 - overlap * downShare;
            notes.Add($"{pc.Name}: outage {o.Label} time-averaged over the window (rho is higher while it lasts)");
        }
        return a;
    }

    /// <summary>The class's path shares as the policy draws them; where the policy decides at run time, the class weights.</summary>
    private static IReadOnlyDictionary<VerificationPath, double> PathMix(Scenario scenario, RequestClassConfig c, List<string> notes)
    {
        ComponentSpec policy = scenario.Policy;
        if (policy.Name == "by_class")
        {
            string? text = policy.Texts.GetValueOrDefault(c.Name) ?? policy.Texts.GetValueOrDefault(Policies.ByClassPolicy.DefaultKey);
            if (text is not null && VerificationPaths.TryParse(text, out VerificationPath fixedPath))
                return new Dictionary<VerificationPath, double> { [fixedPath] = 1 };
        }
        else if (policy.Name != "static")
            notes.Add($"policy {policy.Name} chooses paths at run time: the path mix here is the classes' weights (an upper bound on proof work for adaptive)");
        double sum = c.PathWeights.Values.Sum();
        return sum > 0 ? c.PathWeights.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value / sum) : new Dictionary<VerificationPath, double>();
    }

    /// <summary>
    /// Each class's arrival rate over the measured window and the moments of its inference and proof work.
    /// A shared process is split by share. A rate that varies with time (diurnal, piecewise, ramp) is
    /// integrated over the window; a trace's arrivals (and token counts) are counted in it.
    /// </summary>
    private static List<ClassRate> ClassRates(Scenario scenario, ScenarioCatalogs catalogs, List<string> notes, out string method)
    {
        method = CapacityReport.ClosedForm;
        var result = new List<ClassRate>();
        double from = scenario.Run.WarmupSeconds, to = scenario.Run.DurationSeconds;
        if (!(to > from)) from = 0;
        var classes = scenario.Traffic.Classes;
        double sharedTotal = classes.Where(c => c.Arrival is null).Sum(c => c.Share);
        WindowRate? shared = scenario.Traffic.Arrival is { } spec && classes.Any(c => c.Arrival is null)
            ? WindowRate.Of(catalogs.Arrivals.Describe(spec), from, to) : null;
        foreach (RequestClassConfig c in classes)
        {
            WindowRate window = c.Arrival is { } own ? WindowRate.Of(catalogs.Arrivals.Describe(own), from, to) : shared!;
            double rate = c.Arrival is null ? (sharedTotal > 0 ? window.Rate * c.Share / sharedTotal : 0) : window.Rate;
            if (window.Method != CapacityReport.ClosedForm)
            {
                method = window.Method;
                notes.Add($"class {c.Name}: {window.Note}");
            }
            result.Add(Work(scenario, catalogs, c, rate, window));
        }
        return result;
    }

    /// <summary>Mirrors TrafficSource.ClassDraws: which cost and which proof law a class's requests get.</summary>
    private static ClassRate Work(Scenario scenario, ScenarioCatalogs catalogs, RequestClassConfig c, double rate, WindowRate window)
    {
        IDistribution Dist(ComponentSpec spec) => catalogs.Distributions.Describe(spec);
        ComponentSpec? proof = scenario.Paths.Zkml.ProofSeconds;
        ModelProfile? model = c.Model is { } name ? scenario.Models[name] : null;
        Moments inference;
        double meanTokens = 0;
        GatewayConfig? gateway = null;
        if (model?.Provider is { } provider)
        {
            // A provider call: time to first token + output tokens x time per token (TPOT drawn once per request).
            Moments output = window.Output ?? Moments.Of(Dist(c.OutputTokens!));
            inference = Moments.Of(Dist(provider.TtftSeconds)).PlusIndependent(output.TimesIndependent(Moments.Of(Dist(provider.TpotSeconds))));
            gateway = scenario.Pools[scenario.Roles.Gateway].Gateway;
        }
        else if (model?.InferenceSeconds is { } fixedCost)
        {
            inference = Moments.Of(Dist(fixedCost));
            proof = model.ProofSeconds ?? proof;
        }
        else if (model is not null)
        {
            // A trace's token counts replace the class's draws (TokenInference keeps the arrival's counts).
            Moments prompt = window.Prompt ?? Moments.Of(Dist(c.PromptTokens!));
            Moments output = window.Output ?? Moments.Of(Dist(c.OutputTokens!));
            inference = prompt.Scale(1 / model.PrefillTokensPerSecond).PlusIndependent(output.Scale(model.DecodeSecondsPerToken));
            meanTokens = prompt.Mean + output.Mean;
            proof = model.ProofSeconds ?? proof;
        }
        else inference = Moments.Of(Dist(c.InferenceSeconds!));
        Moments proofWork = proof is null ? inference.Scale(scenario.Paths.Zkml.ProofOverheadFactor) : Moments.Of(Dist(proof));
        Moments? zkmlVerify = model?.VerifySeconds is { } verify ? Moments.Of(Dist(verify)) : null;
        return new ClassRate(c, rate, inference, proofWork, meanTokens, zkmlVerify) { Gateway = gateway };
    }

    private sealed record ClassRate(RequestClassConfig Config, double Rate, Moments Inference, Moments Proof, double MeanTokens, Moments? ZkmlVerify)
    {
        /// <summary>The gateway a provider-model class calls through; null for a class served by compute nodes.</summary>
        public GatewayConfig? Gateway { get; init; }
    }

    private sealed record Job(string Stage, double PerRequest, Moments Work);

    /// <summary>The arrival rate a run's measured window [warm-up, duration] sees, and how it was found.</summary>
    private sealed record WindowRate(double Rate, string Method, string Note, Moments? Prompt, Moments? Output)
    {
        public static WindowRate Of(IArrivalProcess process, double from, double to)
        {
            if (process is TraceReplayArrivals trace)
            {
                process = trace.Restarted();
                // Deterministic: count the rows that arrive in the window, and average their token counts.
                long n = 0;
                var prompt = new MathNet.Numerics.Statistics.RunningStatistics();
                var output = new MathNet.Numerics.Statistics.RunningStatistics();
                for (Arrival a = process.Next(); !a.IsEnd && a.TimeSeconds <= to; a = process.Next())
                {
                    if (a.TimeSeconds < from) continue;
                    n++;
                    if (a.PromptTokens >= 0) prompt.Push(Math.Max(1, a.PromptTokens));
                    if (a.OutputTokens >= 0) output.Push(Math.Max(1, a.OutputTokens));
                }
                return new WindowRate(n / (to - from), CapacityReport.TimeAveraged,
                    "trace replay has no closed-form rate: arrivals counted in the measured window (the rate varies within it)",
                    prompt.Count > 0 ? Moments.FromSample(prompt) : null, output.Count > 0 ? Moments.FromSample(output) : null);
            }
            if (process is IRateVarying varying)
            {
                double dt = (to - from) / RateIntegrationSteps, sum = 0;
                for (int i = 0; i < RateIntegrationSteps; i++) sum += varying.RatePerSecondAt(from + (i + 0.5) * dt);
                return new WindowRate(sum / RateIntegrationSteps, CapacityReport.TimeAveraged,
                    "the arrival rate varies with time: rho uses its average over the measured window, and is higher at the peaks", null, null);
            }
            return new WindowRate(process.MeanRatePerSecond, CapacityReport.ClosedForm, "", null, null);
        }
    }
}
