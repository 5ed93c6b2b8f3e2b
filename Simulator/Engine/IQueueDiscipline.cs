namespace HacaSim.Engine;

/// <summary>The order in which a station's waiting jobs are served.</summary>
public interface IQueueDiscipline<TJob>
{
    int Count { get; }

    /// <summary>Adds a job that arrived at <paramref name="time"/>.</summary>
    void Enqueue(TJob job, double time);

    /// <summary>Removes the job to serve next and the time it was enqueued.</summary>
    TJob Dequeue(out double enqueuedAt);
}
