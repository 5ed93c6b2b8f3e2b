namespace HacaSim.Scenarios;

/// <summary>A quantity that grows with model size: <c>AtReference x (parameters / reference) ^ Exponent</c> (exponent 0: a constant).</summary>
public sealed record PowerLaw(double AtReference, double Exponent)
{
    public double At(double parameters, double referenceParameters) => AtReference * Math.Pow(parameters / referenceParameters, Exponent);
}

/// <summary>One figure a proof system's laws were fitted to, with its source.</summary>
public sealed record ProofSystemPoint(double Parameters, double? ProofSeconds, double? VerifySeconds, double? ProofBytes, string Source);

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
    IReadOnlyList<ProofSystemPoint> Points)
{
    public double ProofSecondsAt(double parameters) => ProofSeconds.At(parameters, ReferenceParameters);
    public double VerifySecondsAt(double parameters) => VerifySeconds.At(parameters, ReferenceParameters);
    public double ProofBytesAt(double parameters) => ProofBytes.At(parameters, ReferenceParameters);

    public bool Fits(double parameters) => parameters >= FitMinParameters * (1 - 1e-9) && parameters <= FitMaxParameters * (1 + 1e-9);
}
