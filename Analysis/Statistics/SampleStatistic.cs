namespace HacaSim.Analysis.Statistics;

/// <summary>Streaming count, mean, variance (Welford), min and max of observations.</summary>
public sealed class SampleStatistic
{
    private double _m2;
    public long Count { get; private set; }
    public double Mean { get; private set; }
    public double Variance => Count > 1 ? _m2 / (Count - 1) : double.NaN;
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;

    public void Record(double value)
    {
        Count++;
        double delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
        if (value < Min) Min = value;
        if (value > Max) Max = value;
    }

    public void Reset()
    {
        Count = 0;
        Mean = _m2 = 0;
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
    }
}
