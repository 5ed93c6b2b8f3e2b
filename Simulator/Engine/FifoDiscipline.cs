namespace HacaSim.Engine;

/// <summary>First come, first served, on a ring buffer that stops allocating once it has grown.</summary>
public sealed class FifoDiscipline<TJob> : IQueueDiscipline<TJob>
{
    private readonly Queue<(TJob Job, double Time)> _queue = new();

    public int Count => _queue.Count;

    public void Enqueue(TJob job, double time) => _queue.Enqueue((job, time));

    public TJob Dequeue(out double enqueuedAt)
    {
        (TJob job, enqueuedAt) = _queue.Dequeue();
        return job;
    }
}
