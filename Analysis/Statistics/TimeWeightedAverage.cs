using System.Globalization;
using System.Runtime.CompilerServices;

namespace HacaSim.Analysis.Statistics;

/// <summary>
/// Time average of a piecewise-constant quantity (queue length, busy servers): the value holds
/// from one <see cref="Update"/> to the next, so the mean is the integral over time divided by the
/// elapsed time. Constant memory: only the running integral is kept, never the history.
/// </summary>
public sealed class TimeWeightedAverage
{
    private double _resetTime;
    private double _lastTime;
    private double _integral;

    /// <param name="startTime">Simulation time in seconds at which observation begins.</param>
    /// <param name="initialValue">Value held from <paramref name="startTime"/> until the first update.</param>
    public TimeWeightedAverage(double startTime, double initialValue = 0)
    {
        if (!double.IsFinite(startTime))
            throw new ArgumentOutOfRangeException(nameof(startTime), startTime, "Start time must be finite.");
        CheckValue(initialValue, nameof(initialValue));
        _resetTime = startTime;
        _lastTime = startTime;
        Current = initialValue;
        Max = initialValue;
    }

    /// <summary>The value currently held.</summary>
    public double Current { get; private set; }

    /// <summary>Largest value held since construction or the last <see cref="Reset"/>.</summary>
    public double Max { get; private set; }

    /// <summary>The quantity changes to <paramref name="newValue"/> at <paramref name="time"/> (seconds).</summary>
    /// <exception cref="ArgumentException">If <paramref name="time"/> is before the previous update or reset.</exception>
    /// <remarks>Inlined: two to four updates per job of a station, a call each in the Native AOT binary otherwise.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double time, double newValue)
    {
        CheckNotBefore(time, nameof(time));
        CheckValue(newValue, nameof(newValue));
        _integral += Current * (time - _lastTime);
        _lastTime = time;
        Current = newValue;
        if (newValue > Max)
            Max = newValue;
    }

    /// <summary>
    /// Integral of the value over [last reset, <paramref name="now"/>] divided by the elapsed time;
    /// <see cref="Current"/> when no time has elapsed (the only value the quantity has had).
    /// </summary>
    public double Mean(double now)
    {
        CheckNotBefore(now, nameof(now));
        double elapsed = now - _resetTime;
        if (elapsed == 0)
            return Current;
        return (_integral + Current * (now - _lastTime)) / elapsed;
    }

    /// <summary>
    /// Warm-up cut: forget everything before <paramref name="now"/> but keep the value in force,
    /// because the queue does not empty just because we started measuring.
    /// </summary>
    public void Reset(double now)
    {
        CheckNotBefore(now, nameof(now));
        _resetTime = now;
        _lastTime = now;
        _integral = 0;
        Max = Current;
    }

    private void CheckNotBefore(double time, string parameterName)
    {
        // The negated comparison also rejects NaN. The throw is a method of its own so this check inlines into Update
        // (two to four updates per job of a station).
        if (!(time >= _lastTime) || double.IsPositiveInfinity(time)) ThrowNotBefore(time, _lastTime, parameterName);
    }

    private static void ThrowNotBefore(double time, double lastTime, string parameterName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture,
                $"Time {time} is before the last update at {lastTime} or not finite; times must be non-decreasing."),
            parameterName);

    private static void CheckValue(double value, string parameterName)
    {
        // A NaN or infinite value would poison the integral for the rest of the run.
        if (!double.IsFinite(value)) ThrowNotFinite(value, parameterName);
    }

    private static void ThrowNotFinite(double value, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, value, "Value must be finite.");
}
