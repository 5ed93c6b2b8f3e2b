using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace HacaSim.Engine;

/// <summary>
/// The kernel: a clock in seconds and an event calendar. Events are callbacks with a state object, so
/// a model schedules cached delegates and pays no allocation per event. It knows nothing of requests,
/// proofs or GPUs.
/// </summary>
public sealed class Simulation
{
    /// <summary>How often <see cref="Run"/> looks at its cancellation token: ~4 ms at a million events per second.</summary>
    public const int CancelCheckEvents = 4096;

    private readonly EventQueue _calendar = new();
    private bool _stopRequested;
    private long _eventsAtThisInstant;

    /// <summary>
    /// Events allowed at one instant of simulated time before the run is stopped as a livelock. Ten million is far
    /// beyond any real burst (the arrival limit is 10 million per replication, and every request then needs time).
    /// </summary>
    public long MaxEventsPerInstant { get; init; } = 10_000_000;

    /// <summary>Simulated time in seconds.</summary>
    public double Now { get; private set; }

    /// <summary>Events fired so far (cancelled ones are not counted).</summary>
    public long EventsFired { get; private set; }

    /// <summary>Events waiting on the calendar.</summary>
    public int PendingEvents => _calendar.Count + (_next.Holds ? 1 : 0);

    /// <summary>
    /// Raised by <see cref="ResetStatistics"/> with the current time: every statistic of the model
    /// subscribes, so a warm-up cut reaches all of them at the same instant.
    /// </summary>
    public event Action<double>? StatisticsReset;

    /// <summary>Schedules <paramref name="action"/> after <paramref name="delaySeconds"/> (>= 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public EventHandle Schedule(double delaySeconds, Action<object?> action, object? state = null, int priority = 0)
    {
        if (!(delaySeconds >= 0) || double.IsPositiveInfinity(delaySeconds)) ThrowBadDelay(delaySeconds);
        return Enqueue(Now + delaySeconds, priority, action, state);
    }

    [DoesNotReturn]
    private static void ThrowBadDelay(double delaySeconds) =>
        throw new ArgumentOutOfRangeException(nameof(delaySeconds), delaySeconds, "A delay must be finite and >= 0.");

    /// <summary>Schedules <paramref name="action"/> at absolute time <paramref name="time"/> (>= Now).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public EventHandle ScheduleAt(double time, Action<object?> action, object? state = null, int priority = 0)
    {
        if (!(time >= Now) || double.IsPositiveInfinity(time)) ThrowBadTime(time, Now);
        return Enqueue(time, priority, action, state);
    }

    [DoesNotReturn]
    private static void ThrowBadTime(double time, double now) =>
        throw new ArgumentOutOfRangeException(nameof(time), time, $"An event time must be finite and >= now ({now}).");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private EventHandle Enqueue(double time, int priority, Action<object?> action, object? state)
    {
        if (time == Now && priority <= 0)
        {
            // Due at this instant no later than a priority-0 event: a held next event must go first, so it takes its place
            // on the calendar now (see NextEvent: nothing else of this instant was enqueued since it was held).
            if (_next.Holds) FlushNext();
            if (priority == 0 && _inRun && !_stopRequested && ContinuationsEnabled && _calendar.NothingDueBefore(Now))
                return _next.Hold(action, state);
        }
        return _calendar.Enqueue(time, priority, action, state);
    }

    // The zero-delay event that fires right after the current one (NextEvent: why), or none.
    private NextEvent _next;

    /// <summary>Puts a held next event on the calendar, where it is the next to leave (same order, same count).</summary>
    private void FlushNext()
    {
        (Action<object?> action, object? state) = _next.Take();
        _next.FlushedTo(_calendar.Enqueue(Now, 0, action, state));
    }

    /// <summary>
    /// For the very end of an event's callback, instead of scheduling a zero-delay, priority-0 event there: true when that
    /// event would be the next to fire in this <see cref="Run"/> (nothing else is due at this instant before it, the run
    /// is not stopping), and it is then counted as fired; the caller runs its action at once, in place of the calendar.
    /// False outside <see cref="Run"/> (<see cref="RunUntil"/> looks at its condition after every event) and when
    /// continuations are off. Events then fire in exactly the order the calendar gives: a zero-delay event at the tail
    /// of a callback goes to the end of this instant's FIFO ring, so when the ring is empty and the heap holds nothing
    /// due now at priority 0 or less it is the next out, and whatever its action schedules gets the same relative
    /// sequence either way (sequence numbers only order events; one left unused changes no order).
    /// </summary>
    /// <remarks>
    /// Only valid as the callback's last step: anything the callback did after it would run before the continuation
    /// instead of after. Why: in an M/M/c run through the HACA model two of five events per customer are such
    /// hand-offs (a zero-second signature, a hop without latency), each a slot, a ring entry and a delegate call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the lifecycle's hand-off: a call per customer in the Native AOT binary otherwise
    public bool TryContinueNow()
    {
        if (!_inRun || _stopRequested || !ContinuationsEnabled || _next.Holds || !_calendar.NothingDueBefore(Now)) return false;
        // As Fire counts an event at the current instant (the livelock guard) and in EventsFired.
        if (++_eventsAtThisInstant > MaxEventsPerInstant) ThrowStalled();
        EventsFired++;
        return true;
    }

    private void ThrowStalled() => throw new SimulationStalledException(Now, _eventsAtThisInstant);

    /// <summary>
    /// Whether <see cref="TryContinueNow"/> may say yes and a zero-delay event may be held as the next event (<see cref="NextEvent"/>);
    /// tests turn it off to compare with every event on the calendar.
    /// </summary>
    internal bool ContinuationsEnabled { get; init; } = true;

    // True inside Run (not RunUntil): only there does the loop fire the next event without looking at anything between.
    private bool _inRun;

    /// <summary>Cancels a scheduled event; false if it already fired or was cancelled.</summary>
    public bool Cancel(EventHandle handle) =>
        handle.Slot == NextEvent.Slot ? _next.Cancel(handle, _calendar) : _calendar.Cancel(handle);

    /// <summary>True while the event is still waiting to fire.</summary>
    public bool IsPending(EventHandle handle) =>
        handle.Slot == NextEvent.Slot ? _next.IsPending(handle, _calendar) : _calendar.IsPending(handle);

    /// <summary>
    /// Fires events up to and including time <paramref name="untilTime"/>, then sets the clock to it.
    /// <paramref name="cancel"/> is looked at every <see cref="CancelCheckEvents"/> events (a countdown keeps
    /// the loop cheap); when it is signalled the run stops with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <remarks>
    /// Compiled by the JIT, fully optimised, on its first call instead of taken from the published binary's ReadyToRun
    /// code: a replication enters this loop once and never leaves it, and the runtime replaces precompiled code only
    /// between calls (tiering has no on-stack replacement for ReadyToRun code), so the loop ran precompiled code for the
    /// whole run, calling the dequeue and the firing of each event as separate methods. Compiled here, both are inlined
    /// into it (<see cref="Fire"/>, <see cref="EventQueue.TryDequeue"/>).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(double untilTime, CancellationToken cancel = default)
    {
        _stopRequested = false;
        if (_next.Holds) FlushNext(); // a Run left by an exception
        _inRun = true;
        int countdown = CancelCheckEvents;
        while (!_stopRequested)
        {
            // A held event is due now, before anything on the calendar (NextEvent).
            if (_next.Holds)
            {
                (Action<object?> next, object? nextState) = _next.Take();
                Fire(Now, next, nextState);
            }
            else if (_calendar.TryDequeue(untilTime, out double time, out Action<object?> action, out object? state)) Fire(time, action, state);
            else break;
            if (--countdown == 0)
            {
                countdown = CancelCheckEvents;
                cancel.ThrowIfCancellationRequested();
            }
        }
        // Stopped with an event held: it waits on the calendar, as it would have.
        if (_next.Holds) FlushNext();
        _inRun = false;
        if (!_stopRequested && untilTime > Now && !double.IsPositiveInfinity(untilTime)) Now = untilTime;
    }

    /// <summary>
    /// Fires events until <paramref name="condition"/> holds (checked after every event), the calendar
    /// empties, or <paramref name="maxTime"/> is reached. Returns true if the condition ended the run.
    /// </summary>
    public bool RunUntil(Func<bool> condition, double maxTime = double.PositiveInfinity)
    {
        _stopRequested = false;
        if (_next.Holds) FlushNext(); // a Run left by an exception
        _inRun = false;
        if (condition()) return true;
        while (!_stopRequested && _calendar.TryDequeue(maxTime, out double time, out Action<object?> action, out object? state))
        {
            Fire(time, action, state);
            if (condition()) return true;
        }
        return false;
    }

    /// <summary>Ends the current <see cref="Run"/> after the event being fired.</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>Cuts the warm-up: every subscribed statistic restarts at the current time.</summary>
    public void ResetStatistics() => StatisticsReset?.Invoke(Now);

    /// <summary>Schedules the warm-up cut at <paramref name="warmupSeconds"/> (nothing when 0).</summary>
    public void ScheduleWarmup(double warmupSeconds)
    {
        if (warmupSeconds > 0) ScheduleAt(warmupSeconds, _ => ResetStatistics(), priority: int.MinValue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Fire(double time, Action<object?> action, object? state)
    {
        // Livelock guard: events that keep scheduling each other with zero delay would run forever at one instant.
        if (time == Now)
        {
            if (++_eventsAtThisInstant > MaxEventsPerInstant) throw new SimulationStalledException(Now, _eventsAtThisInstant);
        }
        else _eventsAtThisInstant = 0;
        Now = time;
        EventsFired++;
        action(state);
    }
}
