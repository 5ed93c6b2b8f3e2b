namespace HacaSim.Benchmarks;

/// <summary>
/// The yardstick: the textbook event loop, .NET's <see cref="PriorityQueue{TElement,TPriority}"/>
/// keyed by (time, sequence) so ties keep insertion order, popped in a plain while loop. No
/// cancellation, no priorities, no validation: the least a deterministic kernel can do.
/// </summary>
internal sealed class PriorityQueueEventLoop
{
    private readonly PriorityQueue<(Action<object?> Action, object? State), (double Time, long Sequence)> _queue = new();
    private long _nextSequence;

    public double Now { get; private set; }
    public long EventsFired { get; private set; }

    public static MmcResult Run(MmcWorkload workload)
    {
        var loop = new PriorityQueueEventLoop();
        var model = new MmcModel<Calendar>(new Calendar(loop), workload);
        model.Start();
        loop.RunToEnd();
        return model.Result(loop.EventsFired);
    }

    public void Schedule(double delaySeconds, Action<object?> action, object? state) =>
        _queue.Enqueue((action, state), (Now + delaySeconds, _nextSequence++));

    public void RunToEnd()
    {
        while (_queue.TryDequeue(out (Action<object?> Action, object? State) item, out (double Time, long Sequence) key))
        {
            Now = key.Time;
            EventsFired++;
            item.Action(item.State);
        }
    }

    private readonly struct Calendar(PriorityQueueEventLoop loop) : IEventCalendar
    {
        public double Now => loop.Now;

        public void Schedule(double delaySeconds, Action<object?> action, object? state) => loop.Schedule(delaySeconds, action, state);
    }
}
