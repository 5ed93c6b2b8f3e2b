namespace HacaSim.Engine;

/// <summary>
/// c identical servers in front of one queue with a pluggable discipline and an optional capacity
/// (jobs in the station, waiting plus in service; an arrival that finds it full is rejected, as in
/// M/M/c/K). The station schedules its own completions and reports to its client.
/// </summary>
public sealed class Station<TJob> : IStation<TJob> where TJob : class
{
    private readonly Simulation _sim;
    private readonly IQueueDiscipline<TJob> _queue;
    private readonly IStationClient<TJob> _client;
    private readonly Action<object?> _complete;

    public Station(Simulation sim, string name, int servers, IQueueDiscipline<TJob> queue, IStationClient<TJob> client,
        int capacity = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, servers);
        _sim = sim;
        Name = name;
        Servers = servers;
        Capacity = capacity;
        _queue = queue;
        _client = client;
        _complete = Complete;
        Statistics = new StationStatistics(sim.Now);
        sim.StatisticsReset += Statistics.Reset;
    }

    public string Name { get; }
    public int Servers { get; }

    /// <summary>Most jobs the station holds, waiting plus in service.</summary>
    public int Capacity { get; }

    public int Busy { get; private set; }
    public int Waiting => _queue.Count;
    public int InSystem => Busy + _queue.Count;
    public StationStatistics Statistics { get; }

    /// <summary>Offers a job; false (and counted as a rejection) when the station is full.</summary>
    public bool Arrive(TJob job)
    {
        Statistics.Arrivals++;
        if (InSystem >= Capacity)
        {
            Statistics.Rejections++;
            return false;
        }
        if (Busy < Servers) Start(job, 0);
        else
        {
            _queue.Enqueue(job, _sim.Now);
            Statistics.Waiting.Update(_sim.Now, _queue.Count);
        }
        return true;
    }

    private void Start(TJob job, double waitSeconds)
    {
        Busy++;
        Statistics.Busy.Update(_sim.Now, Busy);
        double service = _client.ServiceTime(job);
        Statistics.Wait.Record(waitSeconds);
        Statistics.Service.Record(service);
        Statistics.Sojourn.Record(waitSeconds + service);
        _client.OnServiceStart(job, waitSeconds, service);
        _sim.Schedule(service, _complete, job);
    }

    private void Complete(object? state)
    {
        var job = (TJob)state!;
        // Hand the free server to the head of the queue before telling the client, so a job that the
        // client sends straight back here (a proof colocated on its inference node) queues behind it.
        Busy--;
        Statistics.Departures++;
        if (_queue.Count > 0)
        {
            TJob next = _queue.Dequeue(out double enqueuedAt);
            Statistics.Waiting.Update(_sim.Now, _queue.Count);
            Start(next, _sim.Now - enqueuedAt);
        }
        else Statistics.Busy.Update(_sim.Now, Busy);
        _client.OnDeparture(job);
    }
}
