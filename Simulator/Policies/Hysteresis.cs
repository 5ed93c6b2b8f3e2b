namespace HacaSim.Policies;

/// <summary>
/// A two-threshold switch: turns on when a value rises above <c>high</c>, off only when it falls below
/// <c>low</c>, so a value hovering at one threshold does not flip the state on every request.
/// </summary>
public sealed class Hysteresis(double high, double low)
{
    public bool On { get; private set; }

    public bool Update(double value)
    {
        if (!On && value > high) On = true;
        else if (On && value < low) On = false;
        return On;
    }
}
