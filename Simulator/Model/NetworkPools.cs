namespace HacaSim.Model;

/// <summary>The pool playing each role (the same pool may play several: the merged topology).</summary>
public sealed record NetworkPools(Pool Inference, Pool Verification, Pool Data, Pool? Prover, IReadOnlyList<Pool> All);
