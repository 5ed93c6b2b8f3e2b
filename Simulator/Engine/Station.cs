using System.Runtime.CompilerServices;

namespace HacaSim.Engine;

/// <summary>
/// c identical servers in front of one queue with a pluggable discipline and an optional capacity
/// (jobs in the station, waiting plus in service; an arrival that finds it full is rejected, as in
/// M/M/c/K). The station schedules its own completions and reports to its client. It can go down
/// (a node fault): jobs in service are interrupted, their completions cancelled, and every job it
/// held is handed back to the caller to retry or fail.
/// </summary>
public sealed class Station<TJob> : IStation<TJob> where TJob : class
{
    private readonly Simulation _sim;
    private readonly IQueueDiscipline<TJob> _queue;
    private readonly StationClient<TJob> _client;
    private readonly Action<object?> _complete;
    private readonly Server[] _servers;
    // Idle servers by index, the next to start on top (server 0 first). Indices, not a Stack<Server>: pushing a reference
    // into an array of this generic nested type costs a covariance check (CastHelpers.StelemRef) per completion.
    private readonly int[] _idle;
    private int _idleCount;
    // Jobs in the queue, kept here as the station enqueues and dequeues them: the discipline's Count is an interface call
    // (in shared generic code), and a job's arrival, start and completion read it several times.
    private int _waiting;

    public Station(Simulation sim, string name, int servers, IQueueDiscipline<TJob> queue, StationClient<TJob> client,
        int capacity = int.MaxValue, bool recordSamples = true)
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
        // One object per server, made once: a completion event carries its server, so finishing a job
        // allocates nothing and a fault can cancel exactly the completions in progress.
        _servers = Enumerable.Range(0, servers).Select(i => new Server(i)).ToArray();
        _idle = [.. Enumerable.Range(0, servers).Reverse()];
        _idleCount = servers;
        Statistics = new StationStatistics(sim.Now, recordSamples);
        sim.StatisticsReset += Statistics.Reset;
    }

    public string Name { get; }
    public int Servers { get; }

    /// <summary>Most jobs the station holds, waiting plus in service.</summary>
    public int Capacity { get; }

    public int Busy { get; private set; }
    public int Waiting => _waiting;
    public int InSystem => Busy + _waiting;
    public StationStatistics Statistics { get; }

    /// <summary>False while the station is down: it then refuses every arrival.</summary>
    public bool IsUp { get; private set; } = true;

    public bool HasRoomFor(TJob job) => IsUp && Busy < Servers;

    /// <summary>Offers a job; false (and counted as a rejection) when the station is full or down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Arrive(TJob job)
    {
        Statistics.Arrivals++;
        if (!IsUp || InSystem >= Capacity)
        {
            Statistics.Rejections++;
            return false;
        }
        if (Busy < Servers) Start(job, 0);
        else
        {
            _queue.Enqueue(job, _sim.Now);
            Statistics.Waiting.Update(_sim.Now, ++_waiting);
        }
        return true;
    }

    /// <summary>
    /// Takes the station down: cancels the completions in progress and returns every job it held, those
    /// in service first (with the service they had received), then the queue in service order.
    /// </summary>
    public List<InterruptedJob<TJob>> GoDown()
    {
        var jobs = new List<InterruptedJob<TJob>>(InSystem);
        IsUp = false;
        foreach (Server server in _servers)
        {
            if (server.Job is null) continue;
            _sim.Cancel(server.Completion);
            jobs.Add(new InterruptedJob<TJob>(server.Job, true, _sim.Now - server.StartedAt));
            server.Job = null;
            _idle[_idleCount++] = server.Index;
        }
        while (_queue.Count > 0) jobs.Add(new InterruptedJob<TJob>(_queue.Dequeue(out _), false, 0));
        _waiting = 0;
        Busy = 0;
        Statistics.Busy.Update(_sim.Now, 0);
        Statistics.Waiting.Update(_sim.Now, 0);
        return jobs;
    }

    /// <summary>Brings the station back up, empty.</summary>
    public void ComeUp() => IsUp = true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Start(TJob job, double waitSeconds)
    {
        Busy++;
        Statistics.Busy.Update(_sim.Now, Busy);
        double service = _client.ServiceTime(job);
        if (Statistics.RecordsSamples)
        {
            Statistics.Wait.Record(waitSeconds);
            Statistics.Service.Record(service);
            Statistics.Sojourn.Record(waitSeconds + service);
        }
        Server server = _servers[_idle[--_idleCount]];
        server.Job = job;
        server.StartedAt = _sim.Now;
        _client.OnServiceStart(job, waitSeconds, service);
        server.Completion = _sim.Schedule(service, _complete, server);
    }

    private void Complete(object? state)
    {
        // Only this station schedules _complete, always with one of its servers: no cast check, which in this shared
        // generic code (Station<__Canon>) costs a generic-dictionary lookup and a cast helper call per completion.
        Server server = Unsafe.As<Server>(state!);
        TJob job = server.Job!;
        server.Job = null;
        _idle[_idleCount++] = server.Index;
        // Hand the free server to the head of the queue before telling the client, so a job that the
        // client sends straight back here (a proof colocated on its inference node) queues behind it.
        Busy--;
        Statistics.Departures++;
        if (_waiting > 0)
        {
            TJob next = _queue.Dequeue(out double enqueuedAt);
            Statistics.Waiting.Update(_sim.Now, --_waiting);
            Start(next, _sim.Now - enqueuedAt);
        }
        else Statistics.Busy.Update(_sim.Now, Busy);
        // The event's last step: a client may continue a zero-delay hand-off in place (Simulation.TryContinueNow).
        _client.OnDeparture(job);
    }

    private sealed class Server(int index)
    {
        public readonly int Index = index;
        public TJob? Job;
        public double StartedAt;
        public EventHandle Completion;
    }
}
