namespace HacaSim.Scenarios.Loading;

/// <summary>The range a scenario number must fall in, with the words used to say so in an error.</summary>
internal sealed record NumberRule(double Min, bool MinExclusive, double Max, string Description)
{
    public static readonly NumberRule Positive = new(0, true, double.PositiveInfinity, "a number > 0");
    public static readonly NumberRule NonNegative = new(0, false, double.PositiveInfinity, "a number >= 0");
    public static readonly NumberRule Probability = new(0, false, 1, "a probability in [0, 1]");

    public bool Allows(double value) => (MinExclusive ? value > Min : value >= Min) && value <= Max;

    public override string ToString() => Description;
}
