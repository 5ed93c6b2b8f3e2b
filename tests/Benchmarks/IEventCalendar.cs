namespace HacaSim.Benchmarks;

/// <summary>
/// What the M/M/c model needs from an event loop. Implemented by structs and used as a generic
/// constraint, so the JIT specialises the model per loop and the adapter costs no call.
/// </summary>
internal interface IEventCalendar
{
    double Now { get; }

    void Schedule(double delaySeconds, Action<object?> action, object? state);
}
