namespace HacaSim.Engine;

/// <summary>
/// A station shared by two classes of jobs, primary and secondary, under <see cref="SharingRules"/>:
/// FIFO across classes, non-preemptive or preemptive-resume priority for the primary class, places
/// reserved per class, or processor sharing. With n0 primary and n1 secondary jobs in service, each
/// primary job progresses at <c>rates(n0, n1).Primary</c> units of work per second and each secondary one
/// at <c>.Secondary</c> (1 and 1 for independent servers; 1/n for processor sharing; a GPU batch's law for
/// sequences). A job is admitted only while the resource demand in service plus its own fits
/// <see cref="ResourceCapacity"/> (KV-cache memory), and nothing in a line overtakes a head that does not fit.
/// <para>
/// Every job of one class in service progresses at the same rate, so each class keeps one virtual clock
/// (work done by any one of its jobs since time 0) and a job finishes when its class's clock reaches its
/// start value plus its work, as in <see cref="SharedRateStation{TJob}"/>: one completion event, the earliest
/// over both classes, rescheduled on every change. A preempted job keeps its remaining work and resumes
/// before any secondary job that has not started.
/// </para>
/// </summary>
public sealed class SharingStation<TJob> : IStation<TJob> where TJob : class
{
    private readonly Simulation _sim;
    private readonly SharingRules _rules;
    private readonly ISharingClient<TJob> _client;
    private readonly Func<int, int, (double Primary, double Secondary)> _rates;
    private readonly Action<object?> _complete;
    private readonly Lane _primary, _secondary;
    // Both lanes, primary first: one array for the loops over them (a collection expression there was a new array
    // on every change of every sharing node).
    private readonly Lane[] _lanes;
    // Jobs that ended at one completion, told to the client after the station has moved on (a list reused, of structs).
    private readonly List<SharingStationRunning<TJob>> _finished = [];
    private EventHandle _next = EventHandle.None;
    private double _demandInService;
    private double _at;
    private long _sequence;

    /// <param name="rates">Work per second of each primary and each secondary job with (n0, n1) in service; finite and > 0 for a class with jobs in service.</param>
    /// <param name="resourceCapacity">Units of the shared resource (> 0; +infinity when only places bound admission).</param>
    /// <param name="capacity">Most jobs held, waiting plus in service; an arrival that finds it full is rejected.</param>
    public SharingStation(Simulation sim, string name, SharingRules rules, Func<int, int, (double Primary, double Secondary)> rates,
        double resourceCapacity, IQueueDiscipline<TJob> primaryQueue, IQueueDiscipline<TJob> secondaryQueue, ISharingClient<TJob> client,
        int capacity = int.MaxValue, bool recordSamples = true)
    {
        rules.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!(resourceCapacity > 0))
            throw new ArgumentOutOfRangeException(nameof(resourceCapacity), resourceCapacity, "The resource capacity must be > 0.");
        _sim = sim;
        Name = name;
        _rules = rules;
        _rates = rates;
        _client = client;
        Capacity = capacity;
        ResourceCapacity = resourceCapacity;
        _primary = new Lane(primaryQueue, rules.MaxPrimary);
        _secondary = new Lane(secondaryQueue, rules.MaxSecondary);
        _lanes = [_primary, _secondary];
        _complete = Complete;
        _at = sim.Now;
        Statistics = new StationStatistics(sim.Now, recordSamples);
        sim.StatisticsReset += Statistics.Reset;
    }

    public string Name { get; }
    public int Servers => _rules.Servers;
    public int Capacity { get; }
    public double ResourceCapacity { get; }
    public int Busy => _primary.InService.Count + _secondary.InService.Count;
    public int Waiting => _primary.Waiting + _secondary.Waiting;
    public int InSystem => Busy + Waiting;
    public StationStatistics Statistics { get; }
    public bool IsUp { get; private set; } = true;

    /// <summary>Primary and secondary jobs in service.</summary>
    public (int Primary, int Secondary) InServiceByClass => (_primary.InService.Count, _secondary.InService.Count);

    /// <summary>True when a job of this class arriving now would start at once (a central queue hands jobs only to such nodes).</summary>
    public bool HasRoomFor(TJob job)
    {
        if (!IsUp) return false;
        Lane lane = LaneOf(job);
        if (lane.Waiting > 0) return false;
        if (_rules.Order == AdmissionOrder.Fifo && Waiting > 0) return false;
        if (_rules.Order == AdmissionOrder.PrimaryFirst && lane == _secondary && _primary.Waiting > 0) return false;
        return Fits(lane, _client.Demand(job));
    }

    public bool Arrive(TJob job)
    {
        Statistics.Arrivals++;
        double demand = ResourceDemand.Checked(Name, _client.Demand(job));
        if (!IsUp || InSystem >= Capacity || demand > ResourceCapacity)
        {
            Statistics.Rejections++;
            return false;
        }
        Advance();
        LaneOf(job).Join(job, _sim.Now, demand);
        Admit();
        Changed();
        return true;
    }

    public List<InterruptedJob<TJob>> GoDown()
    {
        var jobs = new List<InterruptedJob<TJob>>(InSystem);
        IsUp = false;
        double now = _sim.Now;
        _sim.Cancel(_next);
        _next = EventHandle.None;
        foreach (Lane lane in _lanes)
        {
            for (int i = 0; i < lane.InService.Count; i++)
            {
                SharingStationRunning<TJob> s = lane.InService[i]; // first to finish first, as they were always handed back
                jobs.Add(new InterruptedJob<TJob>(s.Job, true, now - s.StartSeconds));
            }
            lane.InService.Clear();
            foreach (Preempted p in lane.Preempted) jobs.Add(new InterruptedJob<TJob>(p.Entry.Job, true, now - p.Entry.StartSeconds));
            lane.Preempted.Clear();
            if (lane.Head is { } head) jobs.Add(new InterruptedJob<TJob>(head, false, 0));
            lane.Head = null;
            while (lane.Queue.Count > 0) jobs.Add(new InterruptedJob<TJob>(lane.Queue.Dequeue(out _), false, 0));
        }
        _demandInService = 0;
        Statistics.Busy.Update(now, 0);
        Statistics.Waiting.Update(now, 0);
        return jobs;
    }

    public void ComeUp() => IsUp = true;

    private Lane LaneOf(TJob job) => _client.IsSecondary(job) ? _secondary : _primary;

    private bool Fits(Lane lane, double demand) =>
        Busy < _rules.MaxInService && lane.InService.Count < lane.MaxInService
        && ResourceDemand.Fits(_demandInService, demand, ResourceCapacity);

    /// <summary>Brings both virtual clocks to now at the rates of the current jobs in service.</summary>
    private void Advance()
    {
        double dt = _sim.Now - _at;
        if (dt > 0)
        {
            if (_primary.InService.Count > 0) _primary.Virtual += dt * _primary.Rate;
            if (_secondary.InService.Count > 0) _secondary.Virtual += dt * _secondary.Rate;
        }
        _at = _sim.Now;
    }

    /// <summary>Starts waiting jobs by the rules while they fit (preempting when the rules say so); true when anything started.</summary>
    private bool Admit()
    {
        bool any = false;
        while (true)
        {
            _primary.FillHead(_client);
            _secondary.FillHead(_client);
            bool p = _primary.HasCandidate, s = _secondary.HasCandidate;
            if (!p && !s) return any;
            switch (_rules.Order)
            {
                case AdmissionOrder.Fifo:
                    Lane oldest = !s || (p && _primary.CandidateSince <= _secondary.CandidateSince) ? _primary : _secondary;
                    if (!TryStart(oldest)) return any;
                    break;
                case AdmissionOrder.PrimaryFirst when p:
                    if (TryStart(_primary)) break;
                    if (!(_rules.Preempt && TryPreempt())) return any;
                    break;
                case AdmissionOrder.PrimaryFirst:
                    if (!TryStart(_secondary)) return any;
                    break;
                default:
                    bool started = p && TryStart(_primary);
                    started |= s && TryStart(_secondary);
                    if (!started) return any;
                    break;
            }
            any = true;
        }
    }

    /// <summary>Starts the lane's candidate (a preempted job first, then the head of its line) when it fits.</summary>
    private bool TryStart(Lane lane)
    {
        if (lane.Preempted.Count > 0)
        {
            Preempted resumed = lane.Preempted.Peek();
            if (!Fits(lane, resumed.Entry.Demand)) return false;
            lane.Preempted.Pop();
            SharingStationRunning<TJob> entry = resumed.Entry with { Finish = lane.Virtual + resumed.RemainingWork, Sequence = _sequence++ };
            lane.InService.Add(entry);
            _demandInService += entry.Demand;
            return true;
        }
        if (!Fits(lane, lane.HeadDemand)) return false;
        TJob job = lane.Head!;
        lane.Head = null;
        double wait = _sim.Now - lane.HeadEnqueuedAt;
        double work = _client.Work(job);
        if (!(work >= 0) || double.IsPositiveInfinity(work))
            throw new InvalidOperationException($"{Name}: a job's work must be finite and >= 0, found {work}");
        var started = new SharingStationRunning<TJob>(job, _sim.Now, wait, lane.HeadDemand, lane.Virtual + work, _sequence++);
        lane.InService.Add(started);
        _demandInService += started.Demand;
        if (Statistics.RecordsSamples) Statistics.Wait.Record(wait); // a node's pool records it (as Station and SharedRateStation do)
        _client.OnServiceStart(job, wait);
        return true;
    }

    /// <summary>
    /// Preemptive-resume: takes the secondary job with the most work left out of service (it keeps that
    /// work and resumes first among secondary jobs) when that lets the waiting primary job start.
    /// </summary>
    private bool TryPreempt()
    {
        if (_secondary.InService.Count == 0) return false;
        SharingStationRunning<TJob> victim = _secondary.InService.Max;
        bool placeFrees = Busy - 1 < _rules.MaxInService && _primary.InService.Count < _primary.MaxInService;
        double demand = _primary.Preempted.Count > 0 ? _primary.Preempted.Peek().Entry.Demand : _primary.HeadDemand;
        if (!placeFrees || !ResourceDemand.Fits(_demandInService - victim.Demand, demand, ResourceCapacity)) return false;
        _secondary.InService.RemoveMax();
        _demandInService -= victim.Demand;
        _secondary.Preempted.Push(new Preempted(victim, Math.Max(0, victim.Finish - _secondary.Virtual)));
        Statistics.Preemptions++;
        return true;
    }

    /// <summary>After a change in the jobs in service: new rates, statistics and the next completion.</summary>
    private void Changed()
    {
        (double rp, double rs) = _rates(_primary.InService.Count, _secondary.InService.Count);
        _primary.Rate = CheckRate(rp, _primary);
        _secondary.Rate = CheckRate(rs, _secondary);
        double now = _sim.Now;
        Statistics.Busy.Update(now, Math.Min(Busy, Servers));
        Statistics.Waiting.Update(now, Waiting);
        _sim.Cancel(_next);
        _next = EventHandle.None;
        double soonest = double.PositiveInfinity;
        foreach (Lane lane in _lanes)
        {
            if (lane.InService.Count == 0) continue;
            double dt = Math.Max(0, lane.InService.Min.Finish - lane.Virtual) / lane.Rate;
            if (dt < soonest) soonest = dt;
        }
        if (!double.IsPositiveInfinity(soonest)) _next = _sim.Schedule(soonest, _complete);
    }

    private double CheckRate(double rate, Lane lane)
    {
        if (lane.InService.Count == 0) return 0;
        if (!(rate > 0) || double.IsPositiveInfinity(rate))
            throw new InvalidOperationException($"{Name}: the rate per job must be finite and > 0 with jobs in service, found {rate}");
        return rate;
    }

    private void Complete(object? _)
    {
        _next = EventHandle.None;
        Advance();
        double now = _sim.Now;
        // The event was for the lane whose job finishes soonest: snap its clock to that finish (it got there
        // up to rounding), then end every job of either class whose work is done.
        Lane due = Due();
        due.Virtual = Math.Max(due.Virtual, due.InService.Min.Finish);
        foreach (Lane lane in _lanes)
        {
            while (lane.InService.Count > 0 && lane.InService.Min.Finish <= lane.Virtual)
            {
                SharingStationRunning<TJob> done = lane.InService.RemoveMin();
                _demandInService -= done.Demand;
                Statistics.Departures++;
                if (Statistics.RecordsSamples)
                {
                    Statistics.Service.Record(now - done.StartSeconds);
                    Statistics.Sojourn.Record(done.WaitSeconds + now - done.StartSeconds);
                }
                _finished.Add(done);
            }
        }
        if (Busy == 0) _demandInService = 0; // no drift from repeated + and -
        // Fill the freed places before telling the client, so a job it sends straight back here queues
        // behind those already waiting, as in Station.
        Admit();
        Changed();
        for (int i = 0; i < _finished.Count; i++) _client.OnDeparture(_finished[i].Job, now - _finished[i].StartSeconds);
        _finished.Clear();
    }

    private Lane Due()
    {
        if (_primary.InService.Count == 0) return _secondary;
        if (_secondary.InService.Count == 0) return _primary;
        double tp = (_primary.InService.Min.Finish - _primary.Virtual) / _primary.Rate;
        double ts = (_secondary.InService.Min.Finish - _secondary.Virtual) / _secondary.Rate;
        return tp <= ts ? _primary : _secondary;
    }

    private readonly record struct Preempted(SharingStationRunning<TJob> Entry, double RemainingWork);

    /// <summary>One class: its waiting line (with the head taken out once it was found not to fit), its jobs in service and its clock.</summary>
    private sealed class Lane(IQueueDiscipline<TJob> queue, int maxInService)
    {
        public readonly IQueueDiscipline<TJob> Queue = queue;
        public readonly int MaxInService = maxInService;
        public readonly SharingStationInService<TJob> InService = new();
        public readonly Stack<Preempted> Preempted = new();
        public TJob? Head;
        public double HeadEnqueuedAt;
        public double HeadDemand;
        public double Virtual;
        public double Rate;

        public int Waiting => Queue.Count + (Head is null ? 0 : 1) + Preempted.Count;

        public bool HasCandidate => Preempted.Count > 0 || Head is not null;

        /// <summary>When the candidate first arrived: a preempted job counts as older than anything waiting.</summary>
        public double CandidateSince => Preempted.Count > 0 ? double.NegativeInfinity : HeadEnqueuedAt;

        /// <summary>
        /// Puts an arriving job in this line. When nobody waits in it, the job is the head at once, as an enqueue and
        /// <see cref="FillHead"/>'s dequeue would leave it (arrived now, this demand), without that round trip through the
        /// discipline on every arrival; a keyed discipline's sequence then skips a number, which keeps the order of the
        /// jobs it does hold.
        /// </summary>
        public void Join(TJob job, double now, double demand)
        {
            if (Head is null && Queue.Count == 0)
            {
                Head = job;
                HeadEnqueuedAt = now;
                HeadDemand = demand;
            }
            else Queue.Enqueue(job, now);
        }

        public void FillHead(ISharingClient<TJob> client)
        {
            if (Head is not null || Queue.Count == 0) return;
            Head = Queue.Dequeue(out HeadEnqueuedAt);
            HeadDemand = client.Demand(Head);
        }
    }
}
