namespace HacaSim.Model;

/// <summary>The pool playing each role (the same pool may play several: the merged topology).</summary>
public sealed record NetworkPools(Pool Inference, Pool Verification, Pool Data, Pool? Prover, IReadOnlyList<Pool> All)
{
    /// <summary>The tee_gateway pool serving provider-model classes, and its rate limiter and enclave costs; null without one.</summary>
    public Pool? Gateway { get; init; }

    public ProviderGateway? GatewayCalls { get; init; }
}
