using HacaSim.Randomness;

namespace HacaSim.Model;

/// <summary>
/// A request class ready to draw from: its token or fixed-cost distributions bound to the class's own
/// named streams, so that each class's requests are the same whatever else the scenario contains.
/// </summary>
public sealed class RequestClass
{
    private readonly double[] _pathWeights;

    public RequestClass(int index, string name, IInferenceCost cost, double needsDataProbability, double? deadlineSeconds,
        IReadOnlyDictionary<VerificationPath, double> pathWeights, Random rng, double? timeoutSeconds = null)
    {
        Index = index;
        Name = name;
        Cost = cost;
        NeedsDataProbability = needsDataProbability;
        DeadlineSeconds = deadlineSeconds;
        Random = rng;
        TimeoutSeconds = timeoutSeconds;
        _pathWeights = VerificationPaths.All.Select(p => pathWeights.TryGetValue(p, out double w) ? w : 0).ToArray();
    }

    public int Index { get; }
    public string Name { get; }
    public IInferenceCost Cost { get; }
    public double NeedsDataProbability { get; }
    public double? DeadlineSeconds { get; }

    /// <summary>A request without its result this long after arrival fails with reason "timeout".</summary>
    public double? TimeoutSeconds { get; }

    /// <summary>The class's own stream for its per-request coins (needs data, challenge).</summary>
    public Random Random { get; }

    /// <summary>Mean ZKML proof work of the class's requests (seconds on a speed-1 prover), for policies' predictions.</summary>
    public double MeanProofWorkSeconds { get; init; }

    /// <summary>This class's model's own ZKML proof verification time (from its proof system); null: the path's.</summary>
    public IDistribution? ZkmlVerify { get; init; }

    /// <summary>The weakest path the class accepts (class <c>trust_floor</c>); null: the policy decides.</summary>
    public VerificationPath? TrustFloor { get; init; }

    /// <summary>True when the class's model is a provider model: its inference is a call through the TEE gateway pool.</summary>
    public bool ViaGateway { get; init; }

    /// <summary>Class <c>trust_value</c> by path (dollars per request; utility policy); null: the policy's.</summary>
    public IReadOnlyDictionary<VerificationPath, double>? TrustValueUsd { get; init; }

    /// <summary>Class <c>delay_cost_per_s</c> (dollars per second of time to trust; utility policy); null: the policy's.</summary>
    public double? DelayCostUsdPerSecond { get; init; }

    /// <summary>Path weights from the scenario, indexed by <see cref="VerificationPath"/>.</summary>
    public ReadOnlySpan<double> PathWeights => _pathWeights;
}
