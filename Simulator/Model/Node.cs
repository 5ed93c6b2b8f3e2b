using HacaSim.Engine;
using HacaSim.Policies;

namespace HacaSim.Model;

/// <summary>
/// One node of a pool: a station with its slots, a speed factor and a TEE capability. It turns a
/// request's current stage into a service time and hands finished work back to the lifecycle. A GPU
/// node serving a model with continuous batching uses a <see cref="SharedRateStation{TJob}"/> whose
/// sequences share the GPU (<see cref="ContinuousBatching"/>); every other node has independent slots.
/// It also keeps the work it holds (for the least-work-left dispatcher): the expected work of its queued
/// jobs, counted at enqueue, and the end times of the jobs in service (a batching node cannot know
/// those, so for it only queued work counts).
/// </summary>
public sealed class Node : INodeView, IStationClient<Request>, ISharingClient<Request>
{
    private readonly Simulation _sim;
    private readonly Pool _pool;
    private readonly IStageRouter _router;
    private readonly ContinuousBatching? _batching;
    private readonly Dictionary<Request, double> _queuedWork = [];
    private double _queuedWorkSum;
    private double _inServiceEndSum;

    public Node(Simulation sim, Pool pool, int index, int slots, double speed, bool teeCapable, int capacity,
        IQueueDiscipline<Request> discipline, IStageRouter router, ContinuousBatching? batching = null,
        GpuSharing? sharing = null, IQueueDiscipline<Request>? proofDiscipline = null)
    {
        _sim = sim;
        _pool = pool;
        _router = router;
        _batching = batching;
        Index = index;
        Speed = speed;
        TeeCapable = teeCapable;
        string name = $"{pool.Name}/{index}";
        if (sharing is not null)
        {
            // Inference (and any other non-proof stage of a merged node) is the primary class, proofs the secondary.
            Station = new SharingStation<Request>(sim, name, sharing.Rules, sharing.Rates, batching?.KvCacheCapacityMb ?? double.PositiveInfinity,
                discipline, proofDiscipline ?? throw new ArgumentNullException(nameof(proofDiscipline)), this,
                capacity == int.MaxValue ? int.MaxValue : capacity - slots + sharing.Places);
        }
        else
        {
            Station = batching is null
                ? new Station<Request>(sim, name, slots, discipline, this, capacity)
                : new SharedRateStation<Request>(sim, name, batching.MaxBatch, batching.RatePerSequence, batching.KvCacheCapacityMb, discipline, this,
                    capacity == int.MaxValue ? int.MaxValue : capacity - slots + batching.MaxBatch);
        }
    }

    private int _faults;

    public int Index { get; }

    /// <summary>Up unless at least one fault (a failure, an outage) holds it down.</summary>
    public bool IsUp => _faults == 0;

    /// <summary>
    /// A fault starts: the first one takes the node down and returns the work it held; overlapping
    /// faults (a random failure during an outage) only add to the count.
    /// </summary>
    public List<InterruptedJob<Request>> FaultStarts()
    {
        if (_faults++ > 0) return [];
        _queuedWork.Clear();
        _queuedWorkSum = _inServiceEndSum = 0;
        return Station.GoDown();
    }

    /// <summary>A fault ends; true when that brings the node back up.</summary>
    public bool FaultEnds()
    {
        if (--_faults > 0) return false;
        Station.ComeUp();
        return true;
    }

    public double Speed { get; }
    public bool TeeCapable { get; }
    public IStation<Request> Station { get; }

    /// <summary>Slots, or the batch size of a batching node.</summary>
    public int Slots => Station.Servers;
    public int Busy => Station.Busy;
    public int Waiting => Station.Waiting;

    public double WorkLeftSeconds => Math.Max(0, _inServiceEndSum - Busy * _sim.Now) + _queuedWorkSum;

    /// <summary>Offers the request's current stage to the node; false when its queue is full.</summary>
    public bool Arrive(Request request)
    {
        bool queues = Station.Busy >= Station.Servers;
        if (!Station.Arrive(request)) return false;
        if (queues)
        {
            double work = _router.ExpectedWorkSeconds(request) / Speed;
            _queuedWork[request] = work;
            _queuedWorkSum += work;
        }
        return true;
    }

    public double ServiceTime(Request request) => _router.WorkSeconds(request) / Speed;

    public void OnServiceStart(Request request, double waitSeconds, double serviceSeconds)
    {
        if (_queuedWork.Remove(request, out double work)) _queuedWorkSum = _queuedWork.Count == 0 ? 0 : _queuedWorkSum - work;
        _inServiceEndSum += _sim.Now + serviceSeconds;
        _pool.RecordStart(waitSeconds, serviceSeconds);
        _router.OnServiceStart(request);
    }

    public void OnDeparture(Request request)
    {
        // The job ends now, so its end time is Now; reset when idle so rounding cannot accumulate.
        _inServiceEndSum = Busy == 0 ? 0 : _inServiceEndSum - _sim.Now;
        _pool.OnSlotFreed(this);
        _router.OnServiceEnd(request, this);
    }

    // A batching node learns a job's service time only when it ends: the batch around it keeps changing.
    double ISharedRateClient<Request>.Work(Request request) => ServiceTime(request);

    double ISharedRateClient<Request>.Demand(Request request) => _batching?.KvCacheMb(request) ?? 0;

    bool ISharingClient<Request>.IsSecondary(Request request) => request.Stage == RequestStage.Proof;

    /// <summary>True when this request would start at once here (a central pool queue hands jobs only to such nodes).</summary>
    public bool HasRoomFor(Request request) => Station.HasRoomFor(request);

    void ISharedRateClient<Request>.OnServiceStart(Request request, double waitSeconds)
    {
        if (_queuedWork.Remove(request, out double work)) _queuedWorkSum = _queuedWork.Count == 0 ? 0 : _queuedWorkSum - work;
        _pool.RecordWait(waitSeconds);
        _router.OnServiceStart(request);
    }

    void ISharedRateClient<Request>.OnDeparture(Request request, double serviceSeconds)
    {
        _pool.RecordService(serviceSeconds);
        _pool.OnSlotFreed(this);
        _router.OnServiceEnd(request, this);
    }
}
