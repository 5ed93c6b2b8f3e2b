namespace HacaSim.Engine;

/// <summary>
/// A zero-delay, priority-0 event scheduled inside <see cref="Simulation.Run"/> when nothing else is due at this instant
/// before it (<see cref="EventQueue.NothingDueBefore"/>): the calendar would hand it out next, so the simulation keeps it
/// here and fires it as soon as the current event returns, without a calendar slot, a ring entry and a dequeue. It still
/// counts as an event fired. When anything else is scheduled at this instant with priority 0 or less before it fires, or
/// the run stops, it goes onto the calendar (<see cref="FlushedTo"/>): nothing of this instant was enqueued since it was
/// held, so there too it is the next to leave, and the order is the calendar's either way.
/// </summary>
/// <remarks>
/// Why: a zero-second service (an M/M/c run's verifier that costs nothing) starts in the middle of an event, not as its
/// last step, so <see cref="Simulation.TryContinueNow"/> cannot run it; it was one of five events per customer on the
/// calendar. Its handle names <see cref="Slot"/>, which no calendar slot uses; once on the calendar, the handle of the
/// last event flushed is kept so that it can still be cancelled (only one held event can be pending at a time: another is
/// held only when nothing of this instant is due, so a flushed one has fired or been cancelled by then).
/// </remarks>
internal struct NextEvent
{
    /// <summary>The slot of every handle of a held event.</summary>
    public const int Slot = -2;

    private Action<object?>? _action;
    private object? _state;
    private int _version;
    private int _flushedVersion;
    private EventHandle _flushed;

    /// <summary>True while an event is held.</summary>
    public readonly bool Holds => _action is not null;

    public EventHandle Hold(Action<object?> action, object? state)
    {
        _action = action;
        _state = state;
        return new EventHandle(Slot, ++_version);
    }

    /// <summary>The held event, no longer held (to fire it, or to put it on the calendar).</summary>
    public (Action<object?> Action, object? State) Take()
    {
        Action<object?> action = _action!;
        object? state = _state;
        _action = null;
        _state = null;
        return (action, state);
    }

    /// <summary>The event just taken now waits on the calendar under <paramref name="handle"/>.</summary>
    public void FlushedTo(EventHandle handle)
    {
        _flushedVersion = _version;
        _flushed = handle;
    }

    public bool Cancel(EventHandle handle, EventQueue calendar)
    {
        if (Holds && handle.Version == _version)
        {
            _action = null;
            _state = null;
            return true;
        }
        return handle.Version == _flushedVersion && _flushedVersion != 0 && calendar.Cancel(_flushed);
    }

    public readonly bool IsPending(EventHandle handle, EventQueue calendar) =>
        Holds && handle.Version == _version || handle.Version == _flushedVersion && _flushedVersion != 0 && calendar.IsPending(_flushed);
}
