namespace HacaSim.Engine;

/// <summary>
/// A station whose jobs in service share one rate: with n jobs in service, each progresses at
/// <c>ratePerJob(n)</c> units of work per second (1 for c independent servers, 1/n for processor
/// sharing, in between for a GPU's continuous batch). At most <see cref="Servers"/> jobs are in service,
/// and a job is admitted only while the resource demand of the jobs in service plus its own fits
/// <see cref="ResourceCapacity"/> (a GPU's KV-cache memory). Admission is in queue order and nothing
/// overtakes a blocked head (first come, first served, as vLLM's default scheduler does).
/// <para>
/// Every job in service progresses at the same rate, so the station keeps one virtual clock V (work done
/// by any one job in service since time 0) and each job finishes when V reaches V(start) + work. A change
/// in n changes only dV/dt, never the order of completions, so the station keeps a single event (the
/// earliest finish) and reschedules it on each change with <see cref="Simulation.Cancel"/> and
/// <see cref="Simulation.Schedule"/>: O(log n), where rescheduling every job would be O(n log n).
/// </para>
/// </summary>
public sealed class SharedRateStation<TJob> : IStation<TJob> where TJob : class
{
    private readonly Simulation _sim;
    private readonly IQueueDiscipline<TJob> _queue;
    private readonly ISharedRateClient<TJob> _client;
    private readonly Func<int, double> _ratePerJob;
    private readonly Action<object?> _complete;
    private readonly PriorityQueue<InService, (double Finish, long Sequence)> _inService = new();
    private readonly List<InService> _finished = [];
    private double _virtualWork;
    private double _virtualAt;
    private long _sequence;
    private EventHandle _next = EventHandle.None;
    private double _demandInService;

    // The head of the queue once taken out and found not to fit: it keeps its place until it does.
    private TJob? _head;
    private double _headEnqueuedAt;
    private double _headDemand;

    /// <param name="maxInService">Most jobs in service at once (the batch size), >= 1.</param>
    /// <param name="ratePerJob">Work per second of each job when n jobs are in service; finite and > 0 for n from 1 to maxInService.</param>
    /// <param name="resourceCapacity">Units of the shared resource (> 0; +infinity when nothing but maxInService bounds admission).</param>
    /// <param name="capacity">Most jobs held, waiting plus in service (>= maxInService); an arrival that finds it full is rejected.</param>
    public SharedRateStation(Simulation sim, string name, int maxInService, Func<int, double> ratePerJob, double resourceCapacity,
        IQueueDiscipline<TJob> queue, ISharedRateClient<TJob> client, int capacity = int.MaxValue, bool recordSamples = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInService, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, maxInService);
        if (!(resourceCapacity > 0))
            throw new ArgumentOutOfRangeException(nameof(resourceCapacity), resourceCapacity, "The resource capacity must be > 0.");
        _sim = sim;
        Name = name;
        Servers = maxInService;
        Capacity = capacity;
        ResourceCapacity = resourceCapacity;
        _ratePerJob = ratePerJob;
        _queue = queue;
        _client = client;
        _complete = Complete;
        Statistics = new StationStatistics(sim.Now, recordSamples);
        sim.StatisticsReset += Statistics.Reset;
    }

    public string Name { get; }
    public int Servers { get; }
    public int Capacity { get; }
    public double ResourceCapacity { get; }

    /// <summary>Resource held by the jobs in service.</summary>
    public double ResourceInUse => _demandInService;

    public int Busy => _inService.Count;
    public int Waiting => _queue.Count + (_head is null ? 0 : 1);
    public int InSystem => Busy + Waiting;
    public StationStatistics Statistics { get; }

    /// <summary>
    /// Offers a job. False (counted as a rejection) when the station is full, or when the job alone needs
    /// more of the resource than the station has: it could never start, and would block the queue for ever.
    /// </summary>
    public bool Arrive(TJob job)
    {
        Statistics.Arrivals++;
        double demand = ResourceDemand.Checked(Name, _client.Demand(job));
        if (!IsUp || InSystem >= Capacity || demand > ResourceCapacity)
        {
            Statistics.Rejections++;
            return false;
        }
        if (Waiting == 0 && Fits(demand))
        {
            Advance();
            Start(job, demand, 0);
            Reschedule();
        }
        else
        {
            _queue.Enqueue(job, _sim.Now);
            Statistics.Waiting.Update(_sim.Now, Waiting);
        }
        return true;
    }

    public bool IsUp { get; private set; } = true;

    public bool HasRoomFor(TJob job) => IsUp && Waiting == 0 && Fits(_client.Demand(job));

    public List<InterruptedJob<TJob>> GoDown()
    {
        var jobs = new List<InterruptedJob<TJob>>(InSystem);
        IsUp = false;
        double now = _sim.Now;
        _sim.Cancel(_next);
        _next = EventHandle.None;
        while (_inService.Count > 0)
        {
            InService job = _inService.Dequeue();
            jobs.Add(new InterruptedJob<TJob>(job.Job, true, now - job.StartSeconds));
        }
        _demandInService = 0;
        if (_head is not null) jobs.Add(new InterruptedJob<TJob>(_head, false, 0));
        _head = null;
        while (_queue.Count > 0) jobs.Add(new InterruptedJob<TJob>(_queue.Dequeue(out _), false, 0));
        _virtualAt = now;
        Statistics.Busy.Update(now, 0);
        Statistics.Waiting.Update(now, 0);
        return jobs;
    }

    public void ComeUp() => IsUp = true;

    private bool Fits(double demand) =>
        Busy < Servers && ResourceDemand.Fits(_demandInService, demand, ResourceCapacity);

    /// <summary>Brings the virtual clock to now at the rate of the current number in service.</summary>
    private void Advance()
    {
        double now = _sim.Now;
        if (_inService.Count > 0) _virtualWork += (now - _virtualAt) * Rate(_inService.Count);
        _virtualAt = now;
    }

    private double Rate(int inService)
    {
        double rate = _ratePerJob(inService);
        if (!(rate > 0) || double.IsPositiveInfinity(rate))
            throw new InvalidOperationException($"{Name}: the rate per job with {inService} in service must be finite and > 0, found {rate}");
        return rate;
    }

    private void Start(TJob job, double demand, double waitSeconds)
    {
        double work = _client.Work(job);
        if (!(work >= 0) || double.IsPositiveInfinity(work))
            throw new InvalidOperationException($"{Name}: a job's work must be finite and >= 0, found {work}");
        var entry = new InService(job, _sim.Now, waitSeconds, demand, _virtualWork + work);
        _inService.Enqueue(entry, (entry.Finish, _sequence++));
        _demandInService += demand;
        Statistics.Busy.Update(_sim.Now, Busy);
        if (Statistics.RecordsSamples) Statistics.Wait.Record(waitSeconds);
        _client.OnServiceStart(job, waitSeconds);
    }

    /// <summary>Starts waiting jobs, in order, while the head fits.</summary>
    private void AdmitWaiting()
    {
        int before = Waiting;
        while (true)
        {
            if (_head is null)
            {
                if (_queue.Count == 0) break;
                _head = _queue.Dequeue(out _headEnqueuedAt);
                _headDemand = _client.Demand(_head);
            }
            if (!Fits(_headDemand)) break;
            TJob next = _head;
            _head = null;
            Start(next, _headDemand, _sim.Now - _headEnqueuedAt);
        }
        if (Waiting != before) Statistics.Waiting.Update(_sim.Now, Waiting);
    }

    /// <summary>Keeps exactly one completion event: the earliest finish at the current rate.</summary>
    private void Reschedule()
    {
        _sim.Cancel(_next);
        _next = EventHandle.None;
        if (_inService.Count == 0) return;
        double remaining = Math.Max(0, _inService.Peek().Finish - _virtualWork);
        _next = _sim.Schedule(remaining / Rate(_inService.Count), _complete);
    }

    private void Complete(object? _)
    {
        _next = EventHandle.None;
        Advance();
        // Snap to the finish point: the clock reached it up to rounding, and jobs that started together
        // with equal work must finish together, not one rounding error apart.
        _virtualWork = Math.Max(_virtualWork, _inService.Peek().Finish);
        double now = _sim.Now;
        while (_inService.Count > 0 && _inService.Peek().Finish <= _virtualWork)
        {
            InService done = _inService.Dequeue();
            _demandInService -= done.Demand;
            Statistics.Departures++;
            if (Statistics.RecordsSamples)
            {
                Statistics.Service.Record(now - done.StartSeconds);
                Statistics.Sojourn.Record(done.WaitSeconds + now - done.StartSeconds);
            }
            _finished.Add(done);
        }
        if (_inService.Count == 0) _demandInService = 0; // no drift from repeated + and -
        Statistics.Busy.Update(now, Busy);
        // Fill the freed places before telling the client, so a job it sends straight back here (a proof
        // colocated on its inference node) queues behind those already waiting, as in Station.
        AdmitWaiting();
        Reschedule();
        for (int i = 0; i < _finished.Count; i++) _client.OnDeparture(_finished[i].Job, now - _finished[i].StartSeconds);
        _finished.Clear();
    }

    private readonly record struct InService(TJob Job, double StartSeconds, double WaitSeconds, double Demand, double Finish);
}
