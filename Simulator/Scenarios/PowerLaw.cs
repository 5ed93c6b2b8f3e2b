namespace HacaSim.Scenarios;

/// <summary>A quantity that grows with model size: <c>AtReference x (parameters / reference) ^ Exponent</c> (exponent 0: a constant).</summary>
public sealed record PowerLaw(double AtReference, double Exponent)
{
    public double At(double parameters, double referenceParameters) => AtReference * Math.Pow(parameters / referenceParameters, Exponent);
}
