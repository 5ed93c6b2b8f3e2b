namespace HacaSim.Engine;

/// <summary>
/// Names one scheduled event so that it can be cancelled. The version makes a handle go stale once its
/// event has fired or been cancelled, so cancelling twice, or after firing, is a harmless no-op.
/// </summary>
public readonly record struct EventHandle(int Slot, int Version)
{
    /// <summary>A handle that names no event (cancelling it does nothing).</summary>
    public static EventHandle None => new(-1, 0);
}
