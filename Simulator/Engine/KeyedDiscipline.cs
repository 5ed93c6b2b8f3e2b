namespace HacaSim.Engine;

/// <summary>
/// Serves the waiting job with the smallest key first, ties in arrival order (non-preemptive).
/// A key of the path's rank gives priority by path; a key of the absolute deadline gives
/// earliest-deadline-first.
/// </summary>
public sealed class KeyedDiscipline<TJob> : IQueueDiscipline<TJob>
{
    private readonly Func<TJob, double> _key;
    private readonly PriorityQueue<(TJob Job, double Time), (double Key, long Sequence)> _queue = new();
    private long _sequence;

    public KeyedDiscipline(Func<TJob, double> key) => _key = key;

    public int Count => _queue.Count;

    public void Enqueue(TJob job, double time) => _queue.Enqueue((job, time), (_key(job), _sequence++));

    public TJob Dequeue(out double enqueuedAt)
    {
        (TJob job, enqueuedAt) = _queue.Dequeue();
        return job;
    }
}
