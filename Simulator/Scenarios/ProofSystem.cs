namespace HacaSim.Scenarios;

/// <summary>
/// A ZKML proof system of Scenarios/profiles/proof-systems.yaml: proving time, CPU verification time and proof
/// size as laws of the model's parameter count (fitted to <see cref="Points"/>, valid in the fit range), the
/// proving hardware and the gas of checking a proof on an EVM.
/// </summary>
public sealed record ProofSystem(
    string Name,
    string Description,
    string Hardware,
    double ReferenceParameters,
    double FitMinParameters,
    double FitMaxParameters,
    PowerLaw ProofSeconds,
    PowerLaw VerifySeconds,
    PowerLaw ProofBytes,
    double VerifyGas,
    double SettledProofBytes,
    IReadOnlyList<ProofSystemPoint> Points)
{
    /// <summary>Gas per calldata byte (EIP-2028: 16 per non-zero byte; a proof's bytes are nearly all non-zero).</summary>
    public const double CalldataGasPerByte = 16;

    /// <summary>Gas to settle one proof on an EVM: the verifier's gas plus the calldata of the proof sent.</summary>
    public long SettleGas => (long)Math.Round(VerifyGas + CalldataGasPerByte * SettledProofBytes);

    public double ProofSecondsAt(double parameters) => ProofSeconds.At(parameters, ReferenceParameters);
    public double VerifySecondsAt(double parameters) => VerifySeconds.At(parameters, ReferenceParameters);
    public double ProofBytesAt(double parameters) => ProofBytes.At(parameters, ReferenceParameters);

    public bool Fits(double parameters) => parameters >= FitMinParameters * (1 - 1e-9) && parameters <= FitMaxParameters * (1 + 1e-9);
}
