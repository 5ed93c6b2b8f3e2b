using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using HacaSim.Model.Chain;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// One request and its timestamps (model.md, "A request's life"). Times are simulated seconds, NaN until
/// reached. The per-request random quantities (tokens, work, coins) are drawn once at arrival, so two
/// variants of a scenario see the same requests (common random numbers).
/// </summary>
public sealed class Request : ISettlementItem
{
    public Request(long id, RequestClass requestClass, double arrivalSeconds) => Start(id, requestClass, arrivalSeconds);

    /// <summary>
    /// Makes this object a new arrival, every property as a new request has it: the one place that sets them all, for
    /// the constructor and for a settled request reused by the next arrival (<see cref="RequestPool"/>), so a reused
    /// request cannot keep a value from its previous life.
    /// </summary>
    [MemberNotNull(nameof(Class), nameof(DecisionReason))]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Start(long id, RequestClass requestClass, double arrivalSeconds)
    {
        Id = id;
        Class = requestClass;
        ArrivalSeconds = arrivalSeconds;
        Path = default;
        Counted = false;
        DecisionReason = "";
        DowngradedFrom = null;
        PromptTokens = OutputTokens = -1;
        NeedsData = Challenged = false;
        DeadlineSeconds = double.PositiveInfinity;
        InferenceWorkSeconds = DataWorkSeconds = ProofWorkSeconds = 0;
        Stage = default;
        InferenceNode = null;
        QueuedWorkSeconds = 0;
        PendingVerifications = Retries = 0;
        Timeout = Engine.EventHandle.None;
        Outcome = RequestOutcome.InFlight;
        FailureReason = null;
        DataQueuedSeconds = DataStartSeconds = DataEndSeconds = double.NaN;
        InferenceQueuedSeconds = InferenceStartSeconds = InferenceEndSeconds = ResultSeconds = double.NaN;
        ProofQueuedSeconds = ProofStartSeconds = ProofReadySeconds = double.NaN;
        VerifyQueuedSeconds = VerifyStartSeconds = VerifiedSeconds = IncludedSeconds = double.NaN;
        ChainReadySeconds = FinalSeconds = double.NaN;
    }

    public long Id { get; private set; }
    public RequestClass Class { get; private set; }
    public double ArrivalSeconds { get; private set; }

    public VerificationPath Path { get; set; }

    /// <summary>Arrived after the warm-up: in summary.json's statistics (set by <see cref="RunMetrics"/>, which decides it).</summary>
    public bool Counted { get; set; }
    public string DecisionReason { get; set; }

    /// <summary>The path the policy wanted before load made it choose a weaker one; null when not downgraded.</summary>
    public VerificationPath? DowngradedFrom { get; set; }
    public int PromptTokens { get; set; }
    public int OutputTokens { get; set; }
    public bool NeedsData { get; set; }

    /// <summary>ZK-CRV only: a challenge forces a ZKML proof.</summary>
    public bool Challenged { get; set; }

    /// <summary>Absolute deadline for the answer's trust (arrival + class deadline), or +infinity.</summary>
    public double DeadlineSeconds { get; set; }

    /// <summary>Inference time on a speed-1 node outside a TEE.</summary>
    public double InferenceWorkSeconds { get; set; }

    /// <summary>External data fetch time before enclave overhead.</summary>
    public double DataWorkSeconds { get; set; }

    /// <summary>ZKML proof generation time on a speed-1 node (also used when a ZK-CRV request is challenged).</summary>
    public double ProofWorkSeconds { get; set; }

    public RequestStage Stage { get; set; }

    /// <summary>The node that ran inference, where a colocated proof is generated.</summary>
    public Node? InferenceNode { get; set; }

    /// <summary>Expected work (at speed 1) of the stage this request last queued for, for the least-work-left books of the node(s) holding it.</summary>
    internal double QueuedWorkSeconds { get; set; }

    /// <summary>Verifications still outstanding (replication factor k).</summary>
    public int PendingVerifications { get; set; }

    /// <summary>Times this request was sent again after a node fault.</summary>
    public int Retries { get; set; }

    /// <summary>The pending per-class timeout, cancelled when the result is delivered.</summary>
    public Engine.EventHandle Timeout { get; set; }

    public RequestOutcome Outcome { get; set; }
    public string? FailureReason { get; set; }

    public double DataQueuedSeconds { get; set; }
    public double DataStartSeconds { get; set; }
    public double DataEndSeconds { get; set; }
    public double InferenceQueuedSeconds { get; set; }
    public double InferenceStartSeconds { get; set; }
    public double InferenceEndSeconds { get; set; }
    public double ResultSeconds { get; set; }
    public double ProofQueuedSeconds { get; set; }
    public double ProofStartSeconds { get; set; }
    public double ProofReadySeconds { get; set; }
    public double VerifyQueuedSeconds { get; set; }
    public double VerifyStartSeconds { get; set; }
    public double VerifiedSeconds { get; set; }
    public double IncludedSeconds { get; set; }

    /// <summary>When the item became ready for the chain (verified off chain, or its proof at the chain on chain).</summary>
    public double ChainReadySeconds { get; set; }
    public double FinalSeconds { get; set; }

    /// <summary>Whether the proof this request carries to verification is a ZKML proof.</summary>
    public bool CarriesZkProof => Path == VerificationPath.Zkml || (Path == VerificationPath.ZkCrv && Challenged);
}
