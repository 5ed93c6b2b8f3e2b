using System.Runtime.CompilerServices;
using HacaSim.Engine;
using HacaSim.Model.Chain;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// Moves each request through model.md's life: [data fetch] -> inference (=> result) -> proof
/// generation -> verification by k nodes -> settlement (=> final). Each hop between roles costs a
/// network latency. Attestation (TEE) and signing (Vanilla, unchallenged ZK-CRV) are short delays on
/// the node that ran inference and are not modelled as slot occupancy: they take milliseconds against
/// seconds of inference.
/// </summary>
public sealed class RequestLifecycle : IStageRouter
{
    private readonly Simulation _sim;
    private readonly Scenario _scenario;
    private readonly RunMetrics _metrics;
    private readonly IPathPolicy _policy;
    private readonly IRequestSink? _sink;
    private readonly Pool _inference, _verification, _data;
    private readonly Pool? _prover;
    // The TEE gateway (provider-model classes) and its rate limiter; null without one.
    private readonly Pool? _gateway;
    private readonly ProviderGateway? _gatewayCalls;
    private readonly int _replication;
    private readonly IDistribution _hop;
    private readonly IDistribution _zkmlVerify, _teeVerify, _zkcrvVerify, _vanillaVerify, _attest, _sign;
    private readonly List<Node> _chosen = [];
    private readonly NetworkView _view;
    private readonly Action<object?> _toInference, _toProver, _toVerification, _proofReady, _redispatch, _timedOut;
    private readonly FaultsConfig _faults;
    // Only with a request log: the requests not yet ended, written as in_flight when the run ends.
    private readonly Dictionary<long, Request>? _inFlight;
    private readonly Random _faultCoins;
    private readonly bool _onchain;
    // Settled requests go back here for the next arrivals, unless the sink keeps the objects (a test's list of them).
    private readonly bool _reuseSettled;

    public RequestLifecycle(Simulation sim, Scenario scenario, NetworkPools pools, RunMetrics metrics, IPathPolicy policy,
        RandomStreams streams, ScenarioCatalogs catalogs, IRequestSink? sink)
    {
        _sim = sim;
        _scenario = scenario;
        _metrics = metrics;
        _policy = policy;
        _sink = sink;
        _inference = pools.Inference;
        _verification = pools.Verification;
        _data = pools.Data;
        _prover = pools.Prover;
        _gateway = pools.Gateway;
        _gatewayCalls = pools.GatewayCalls;
        _replication = Math.Min(scenario.Verification.Replication ?? int.MaxValue, _verification.Nodes.Count);
        PathsConfig p = scenario.Paths;
        _hop = catalogs.Distributions.Create(scenario.Network.HopLatency, streams.Stream("network/hop"));
        _zkmlVerify = catalogs.Distributions.Create(p.Zkml.VerifySeconds, streams.Stream("verify/zkml"));
        _teeVerify = catalogs.Distributions.Create(p.Tee.VerifySeconds, streams.Stream("verify/tee"));
        _zkcrvVerify = catalogs.Distributions.Create(p.ZkCrv.VerifySeconds, streams.Stream("verify/zkcrv"));
        _vanillaVerify = catalogs.Distributions.Create(p.Vanilla.VerifySeconds, streams.Stream("verify/vanilla"));
        _attest = catalogs.Distributions.Create(p.Tee.AttestSeconds, streams.Stream("proof/attest"));
        _sign = catalogs.Distributions.Create(p.Vanilla.SignSeconds, streams.Stream("proof/sign"));
        _toInference = s => StartInference((Request)s!);
        _toProver = s => Enqueue((Request)s!, _prover!, RequestStage.Proof, teeOnly: false);
        _toVerification = s => StartVerification((Request)s!);
        _proofReady = s => OnProofReady((Request)s!, endsEvent: true); // the whole event
        _redispatch = s => Redispatch((Request)s!);
        _timedOut = s => Fail((Request)s!, "timeout");
        _faults = scenario.FaultsOrNone;
        if (sink is not null) _inFlight = [];
        _reuseSettled = sink is not { KeepsRequests: true };
        _faultCoins = streams.Stream("faults/data_source");
        _onchain = scenario.Verification.Placement == VerificationPlacement.Onchain;
        Settlement = new Settlement(sim, scenario, Consensus(scenario, _verification, streams, catalogs),
            catalogs.Distributions.Create(p.Zkml.VerifySeconds, streams.Stream("verify/aggregate")), OnFinal, Fail);
        _view = new NetworkView(sim, scenario, pools, Settlement, _replication, catalogs);
    }

    public Settlement Settlement { get; }

    /// <summary>Where arrivals get their request objects: settled requests are reused (see <see cref="RequestPool"/>).</summary>
    internal RequestPool Requests { get; } = new();

    /// <summary>The chain's consensus latency; its validators are <c>settlement.validators</c>, else the verification pool's nodes.</summary>
    private static IConsensusLatency Consensus(Scenario scenario, Pool verification, RandomStreams streams, ScenarioCatalogs catalogs)
    {
        SettlementConfig c = scenario.Settlement;
        int validators = c.Validators ?? verification.Nodes.Count;
        return c.Consensus is { Model: ConsensusModel.Quorum } q
            ? new QuorumConsensus(q.Phases, validators, r => catalogs.Distributions.Create(q.MessageDelaySeconds!, r), streams.Stream("chain/consensus"))
            : new LinearConsensus(c.ConsensusBaseSeconds, c.ConsensusPerValidatorSeconds, validators);
    }

    /// <summary>What the path policy sees.</summary>
    public INetworkView View => _view;

    /// <summary>A new request: choose its path and send it to its first stage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Admit(Request request)
    {
        PathDecision decision = _policy.Choose(request, _view);
        request.Path = decision.Path;
        request.DecisionReason = decision.Reason;
        if (decision.IsDowngrade) request.DowngradedFrom = decision.Wanted;
        _metrics.OnArrival(request);
        _inFlight?.Add(request.Id, request);
        if (request.Class.TimeoutSeconds is { } timeout) request.Timeout = _sim.Schedule(timeout, _timedOut, request);
        if (request.NeedsData) Enqueue(request, _data, RequestStage.Data, teeOnly: false);
        else StartInference(request);
    }

    private void StartInference(Request request) =>
        Enqueue(request, request.Class.ViaGateway ? _gateway! : _inference, RequestStage.Inference, teeOnly: request.Path == VerificationPath.Tee);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enqueue(Request request, Pool pool, RequestStage stage, bool teeOnly)
    {
        request.Stage = stage;
        Stamp(request, stage, queued: true);
        ClearStart(request, stage);
        if (Overflows(request, pool)) return;
        Node? node = pool.IsCentral ? pool.ChooseWithRoom(request, teeOnly) : pool.Choose(teeOnly);
        if (node is not null)
        {
            if (!node.Arrive(request)) Fail(request, $"rejected_{pool.Name}");
        }
        else if (pool.IsCentral && pool.Choose(teeOnly) is not null) pool.WaitCentrally(request); // nodes up, none with room
        else if (teeOnly && pool.TeeCapableNodes == 0) Fail(request, $"no_tee_node_{pool.Name}");
        else if (teeOnly && _faults.OnInterrupt == InterruptRule.Fallback && _faults.Fallback.TryGetValue(request.Path, out var to)) FallBack(request, to);
        else pool.Hold(request); // every eligible node is down: wait for one to come back
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartVerification(Request request)
    {
        request.Stage = RequestStage.Verify;
        request.VerifyQueuedSeconds = _sim.Now;
        if (_onchain)
        {
            // Verified inside block execution: recursive aggregation first folds a ZK proof into its batch's proof.
            if (_scenario.Settlement.Batch is { Aggregated: true } && request.CarriesZkProof)
                Enqueue(request, _prover ?? _inference, RequestStage.Aggregate, teeOnly: false);
            else Settlement.Submit(request, Draw.From(VerifyCost(request)));
            return;
        }
        if (Overflows(request, _verification)) return;
        _verification.ChooseDistinct(_replication, _chosen);
        request.PendingVerifications = _chosen.Count;
        if (_chosen.Count == 0) _verification.Hold(request); // no verifier up; PendingVerifications 0 marks a fresh start
        // An index loop: List<T>'s enumerator is shared generic code that the Native AOT compiler does not inline.
        for (int i = 0; i < _chosen.Count; i++)
        {
            Node node = _chosen[i];
            if (!node.Arrive(request))
            {
                // The copies already queued elsewhere finish and are ignored (the request is failed).
                Fail(request, $"rejected_{_verification.Name}");
                return;
            }
        }
    }

    /// <summary>
    /// An overloaded pool past the run's cap of waiting jobs: the request is counted, not kept. It stays
    /// in flight (it would wait behind more than the cap), so the counts still balance, and the summary
    /// says how many were only counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Overflows(Request request, Pool pool)
    {
        if (pool.Waiting < _scenario.Run.MaxWaitingPerPool) return false;
        _metrics.OnOverflow(pool.Name);
        _sim.Cancel(request.Timeout);
        return true;
    }

    /// <summary>One more verification of a request whose earlier copy was interrupted.</summary>
    private void VerifyAgain(Request request)
    {
        if (request.Outcome != RequestOutcome.InFlight) return;
        Node? node = _verification.Choose(teeOnly: false);
        if (node is null) _verification.Hold(request);
        else if (!node.Arrive(request)) Fail(request, $"rejected_{_verification.Name}");
    }

    /// <summary>Sends a request (back) to the stage it is at, after an interruption or a wait for a node.</summary>
    private void Redispatch(Request request)
    {
        if (request.Outcome != RequestOutcome.InFlight) return;
        switch (request.Stage)
        {
            case RequestStage.Data: Enqueue(request, _data, RequestStage.Data, teeOnly: false); break;
            case RequestStage.Inference: StartInference(request); break;
            case RequestStage.Proof: Enqueue(request, _prover ?? _inference, RequestStage.Proof, teeOnly: false); break;
            case RequestStage.Verify when request.PendingVerifications == 0: StartVerification(request); break;
            case RequestStage.Verify: VerifyAgain(request); break;
            case RequestStage.Aggregate: Enqueue(request, _prover ?? _inference, RequestStage.Aggregate, teeOnly: false); break;
        }
    }

    /// <summary>A node of <paramref name="pool"/> went down holding this job: apply the scenario's interrupt rule.</summary>
    public void OnInterrupted(Pool pool, InterruptedJob<Request> job)
    {
        Request request = job.Job;
        if (request.Outcome != RequestOutcome.InFlight) return;
        _metrics.OnInterrupted(job.WasInService ? job.ServedSeconds : 0);
        Interrupted(request, $"node_fault_{pool.Name}");
    }

    private void Interrupted(Request request, string reason)
    {
        bool canFallBack = request.Stage is RequestStage.Inference or RequestStage.Proof
            && _faults.Fallback.TryGetValue(request.Path, out var to)
            && (request.Stage == RequestStage.Inference || to != VerificationPath.Tee); // a finished inference cannot become attested
        if (_faults.OnInterrupt == InterruptRule.Fail) Fail(request, reason);
        else if (_faults.OnInterrupt == InterruptRule.Fallback && canFallBack) FallBack(request, _faults.Fallback[request.Path]);
        else if (++request.Retries > _faults.MaxRetries) Fail(request, reason);
        else
        {
            _metrics.OnRetry();
            _sim.Schedule(_faults.RetryBackoffSeconds, _redispatch, request);
        }
    }

    /// <summary>Switches to the fallback path (a downgrade) and resumes: before a result, from inference; after, from proof generation.</summary>
    private void FallBack(Request request, VerificationPath to)
    {
        _metrics.OnFallback(request.Path, to);
        bool inferenceDone = !double.IsNaN(request.InferenceEndSeconds);
        request.Path = to;
        request.DecisionReason = "fallback";
        if (inferenceDone) StartProof(request, request.InferenceNode!, endsEvent: false);
        else _sim.Schedule(_faults.RetryBackoffSeconds, _toInference, request);
    }

    /// <summary>A node of <paramref name="pool"/> came back: the jobs that were waiting for one go again.</summary>
    public void OnNodeUp(Pool pool)
    {
        foreach (Request request in pool.ReleaseHeld()) Redispatch(request);
        foreach (Node node in pool.Nodes) pool.OnSlotFreed(node);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double WorkSeconds(Request request) => request.Stage switch
    {
        RequestStage.Data => Math.Min(FetchSeconds(request, _sim.Now), _scenario.Data.TimeoutSeconds ?? double.PositiveInfinity),
        // A gateway call: the provider's rate-limit wait (reserved now, at the slot's start), its answer, the enclave and the signature.
        RequestStage.Inference when request.Class.ViaGateway => _gatewayCalls!.CallSeconds(request, _sim.Now),
        RequestStage.Inference => request.InferenceWorkSeconds
            * (request.Path == VerificationPath.Tee ? _scenario.Paths.Tee.InferenceOverheadFactor : 1),
        RequestStage.Proof => request.ProofWorkSeconds,
        RequestStage.Verify => Draw.From(VerifyCost(request)),
        RequestStage.Aggregate => _scenario.Settlement.Batch!.AggregateSeconds,
        _ => throw new InvalidOperationException($"no work for stage {request.Stage}"),
    };

    public double ExpectedWorkSeconds(Request request) => request.Stage switch
    {
        RequestStage.Verify => VerifyCost(request).Mean,
        RequestStage.Inference when request.Class.ViaGateway => _gatewayCalls!.ExpectedCallSeconds(request), // reserves no admission
        _ => WorkSeconds(request),
    };

    private IDistribution VerifyCost(Request request) => request.Path switch
    {
        VerificationPath.Zkml => request.Class.ZkmlVerify ?? _zkmlVerify,
        VerificationPath.Tee => _teeVerify,
        VerificationPath.ZkCrv => request.Challenged ? request.Class.ZkmlVerify ?? _zkmlVerify : _zkcrvVerify,
        _ => _vanillaVerify,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnServiceStart(Request request)
    {
        if (request.Stage != RequestStage.Verify || double.IsNaN(request.VerifyStartSeconds)) Stamp(request, request.Stage, queued: false);
    }

    /// <remarks>
    /// With <paramref name="endsEvent"/>, every branch below ends in at most one hand-off (<see cref="HandOff"/>) as its last
    /// step, so a zero-delay hand-off may run in place.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnServiceEnd(Request request, Node node, bool endsEvent)
    {
        if (request.Outcome != RequestOutcome.InFlight) return; // a failed request's leftover copies
        double now = _sim.Now;
        _view.OnServiceEnd(request);
        switch (request.Stage)
        {
            case RequestStage.Data:
                request.DataEndSeconds = now;
                double? timeout = _scenario.Data.TimeoutSeconds;
                if (timeout is not null && FetchSeconds(request, request.DataStartSeconds) > timeout)
                    Fail(request, "data_timeout");
                else if (_faults.DataSource is { } source && source.Covers(request.DataStartSeconds)
                         && _faultCoins.NextDouble() < source.FailureProbability)
                    Interrupted(request, "data_source_failure");
                else Hop(_toInference, request, endsEvent);
                break;
            case RequestStage.Inference:
                request.InferenceEndSeconds = now;
                request.InferenceNode = node;
                if (!_scenario.Settlement.Synchronous) DeliverResult(request);
                StartProof(request, node, endsEvent);
                break;
            case RequestStage.Proof:
                OnProofReady(request, endsEvent);
                break;
            case RequestStage.Aggregate:
                Settlement.Submit(request, 0); // its verification is the batch's one aggregated proof
                break;
            case RequestStage.Verify:
                if (--request.PendingVerifications == 0)
                {
                    request.VerifiedSeconds = now;
                    Settlement.Submit(request);
                }
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartProof(Request request, Node inferenceNode, bool endsEvent)
    {
        if (request.CarriesZkProof)
        {
            if (_prover is null && inferenceNode.IsUp && !_inference.IsCentral)
            {
                // Colocated: the proof queues on the GPU that just ran the inference.
                request.Stage = RequestStage.Proof;
                request.ProofQueuedSeconds = _sim.Now;
                request.ProofStartSeconds = double.NaN;
                if (!Overflows(request, _inference) && !inferenceNode.Arrive(request)) Fail(request, $"rejected_{_inference.Name}");
            }
            // A central queue (any node proves it), or that GPU has gone down since (a fallback after a fault):
            // any node of its pool, or wait for one.
            else if (_prover is null) Enqueue(request, _inference, RequestStage.Proof, teeOnly: false);
            else Hop(_toProver, request, endsEvent);
            return;
        }
        request.ProofQueuedSeconds = request.ProofStartSeconds = _sim.Now;
        // A gateway's answer left the enclave signed (its sign_s was part of the call): that signature is the attestation.
        double delay = request.Class.ViaGateway ? 0 : request.Path == VerificationPath.Tee ? Draw.From(_attest) : Draw.From(_sign);
        HandOff(delay, _proofReady, request, endsEvent);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OnProofReady(Request request, bool endsEvent)
    {
        request.ProofReadySeconds = _sim.Now;
        Hop(_toVerification, request, endsEvent);
    }

    /// <summary>
    /// The external fetch of a request that started at <paramref name="startSeconds"/>: its latency draw, the
    /// enclave overhead, and the failing or slow data source's slowdown when the fetch starts in its window.
    /// </summary>
    private double FetchSeconds(Request request, double startSeconds) =>
        request.DataWorkSeconds * _scenario.Data.EnclaveOverheadFactor
        * (_faults.DataSource is { } source && source.Covers(startSeconds) ? source.Slowdown : 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DeliverResult(Request request)
    {
        _sim.Cancel(request.Timeout);
        request.ResultSeconds = _sim.Now;
        _metrics.OnResult(request);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OnFinal(Request request)
    {
        if (_scenario.Settlement.Synchronous) DeliverResult(request);
        request.Outcome = RequestOutcome.Settled;
        _metrics.OnSettled(request);
        _view.OnFinal(request);
        _inFlight?.Remove(request.Id);
        _sink?.Write(request);
        // Final: its copies have all finished, its timeout is cancelled and no event holds it (the sink has copied it).
        if (_reuseSettled) Requests.Return(request);
    }

    private void Fail(Request request, string reason)
    {
        if (request.Outcome != RequestOutcome.InFlight) return;
        request.Outcome = RequestOutcome.Failed;
        request.FailureReason = reason;
        _metrics.OnFailed(reason);
        _inFlight?.Remove(request.Id);
        _sink?.Write(request);
    }

    /// <summary>At the end of the run: every request still in flight goes to the log too, by id, so the log holds every arrival.</summary>
    public void LogInFlight()
    {
        if (_inFlight is null) return;
        foreach (Request r in _inFlight.Values.OrderBy(r => r.Id)) _sink!.WriteInFlight(r);
        _inFlight.Clear();
    }

    private void Hop(Action<object?> next, Request request, bool endsEvent) => HandOff(Draw.From(_hop), next, request, endsEvent);

    /// <summary>
    /// Sends the request to its next step after <paramref name="delaySeconds"/>: an event, or, when the delay is 0, this is
    /// the last step of the current event (<paramref name="endsEvent"/>) and that event would fire next anyway, the step
    /// itself at once (<see cref="Simulation.TryContinueNow"/>): same order, same count of events fired, no calendar.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void HandOff(double delaySeconds, Action<object?> next, Request request, bool endsEvent)
    {
        if (delaySeconds == 0 && endsEvent && _sim.TryContinueNow()) next(request);
        else _sim.Schedule(delaySeconds, next, request);
    }

    /// <summary>A stage entered again (a retry) has not started yet, so timestamps stay in lifecycle order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ClearStart(Request r, RequestStage stage)
    {
        switch (stage)
        {
            case RequestStage.Data: r.DataStartSeconds = r.DataEndSeconds = double.NaN; break;
            case RequestStage.Inference: r.InferenceStartSeconds = r.InferenceEndSeconds = double.NaN; break;
            case RequestStage.Proof: r.ProofStartSeconds = double.NaN; break;
            case RequestStage.Verify: r.VerifyStartSeconds = double.NaN; break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Stamp(Request r, RequestStage stage, bool queued)
    {
        double now = _sim.Now;
        switch (stage)
        {
            case RequestStage.Data when queued: r.DataQueuedSeconds = now; break;
            case RequestStage.Data: r.DataStartSeconds = now; break;
            case RequestStage.Inference when queued: r.InferenceQueuedSeconds = now; break;
            case RequestStage.Inference: r.InferenceStartSeconds = now; break;
            case RequestStage.Proof when queued: r.ProofQueuedSeconds = now; break;
            case RequestStage.Proof: r.ProofStartSeconds = now; break;
            case RequestStage.Verify when queued: r.VerifyQueuedSeconds = now; break;
            case RequestStage.Verify: r.VerifyStartSeconds = now; break;
        }
    }
}
