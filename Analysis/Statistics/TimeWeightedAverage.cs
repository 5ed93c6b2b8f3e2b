namespace HacaSim.Analysis.Statistics;

/// <summary>Time-average of a piecewise-constant quantity (queue length, busy servers).</summary>
public sealed class TimeWeightedAverage
{
    private double _lastTime;
    private double _startTime;
    private double _integral;

    public TimeWeightedAverage(double startTime, double initialValue = 0)
    {
        _startTime = _lastTime = startTime;
        Current = Max = initialValue;
    }

    public double Current { get; private set; }
    public double Max { get; private set; }

    public void Update(double time, double newValue)
    {
        if (time < _lastTime) throw new ArgumentException($"Time went backwards: {time} < {_lastTime}.", nameof(time));
        _integral += Current * (time - _lastTime);
        _lastTime = time;
        Current = newValue;
        if (newValue > Max) Max = newValue;
    }

    public double Mean(double now)
    {
        double elapsed = now - _startTime;
        return elapsed > 0 ? (_integral + Current * (now - _lastTime)) / elapsed : Current;
    }

    public void Reset(double now)
    {
        _startTime = _lastTime = now;
        _integral = 0;
        Max = Current;
    }
}
