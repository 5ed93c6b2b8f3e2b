namespace HacaSim.Scenarios;

/// <summary>
/// Which pool plays each role. <see cref="Prover"/> null means ZKML proofs are generated on the inference
/// node itself, competing with inference for its slots. Naming the same pool for every role is the
/// merged topology of hypothesis 1.
/// </summary>
public sealed record RolesConfig(string Inference, string Verification, string Data, string? Prover)
{
    /// <summary>The tee_gateway pool that serves classes whose model is a provider model (ttft_s, tpot_s).</summary>
    public string Gateway { get; init; } = "gateway";
}
