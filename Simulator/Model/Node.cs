using System.Runtime.CompilerServices;
using HacaSim.Engine;

namespace HacaSim.Model;

/// <summary>
/// One node of a pool: a station with its slots, a speed factor and a TEE capability. It turns a
/// request's current stage into a service time and hands finished work back to the lifecycle. A GPU
/// node serving a model with continuous batching uses a <see cref="SharedRateStation{TJob}"/> whose
/// sequences share the GPU (<see cref="ContinuousBatching"/>); every other node has independent slots.
/// Its station keeps no wait/service samples of its own: the pool records them for every node.
/// It also keeps the work it holds (for the least-work-left dispatcher): the expected work of its queued
/// jobs, counted at enqueue, and the end times of the jobs in service (a batching node cannot know
/// those, so for it only queued work counts). A queued job's expected work is kept on the request
/// (<see cref="Request.QueuedWorkSeconds"/>), not in a table keyed by request: hashing every queued
/// request was most of the time of a run.
/// </summary>
public sealed class Node : StationClient<Request>, INodeView, ISharingClient<Request>
{
    private readonly Simulation _sim;
    private readonly Pool _pool;
    private IStageRouter _router;
    // The router when it is the lifecycle (always, once the network is built), for direct calls: three per job, each an
    // interface dispatch in the Native AOT binary, where the JIT's profile-guided code had guarded and inlined them.
    private RequestLifecycle? _lifecycle;
    private readonly ContinuousBatching? _batching;
    private int _queuedCount;
    private double _queuedWorkSum;
    // The request being offered to the station: when the station starts it at once, it never queued.
    private Request? _arriving;
    private double _inServiceEndSum;

    public Node(Simulation sim, Pool pool, int index, int slots, double speed, bool teeCapable, int capacity,
        IQueueDiscipline<Request> discipline, IStageRouter router, ContinuousBatching? batching = null,
        GpuSharing? sharing = null, IQueueDiscipline<Request>? proofDiscipline = null)
    {
        _sim = sim;
        _pool = pool;
        _router = router;
        _lifecycle = router as RequestLifecycle;
        _batching = batching;
        Index = index;
        Speed = speed;
        TeeCapable = teeCapable;
        string name = $"{pool.Name}/{index}";
        _sharing = sharing is not null;
        if (sharing is not null)
        {
            // Inference (and any other non-proof stage of a merged node) is the primary class, proofs the secondary.
            Station = new SharingStation<Request>(sim, name, sharing.Rules, sharing.Rates, batching?.KvCacheCapacityMb ?? double.PositiveInfinity,
                discipline, proofDiscipline ?? throw new ArgumentNullException(nameof(proofDiscipline)), this,
                capacity == int.MaxValue ? int.MaxValue : capacity - slots + sharing.Places, recordSamples: false);
        }
        else
        {
            Station = batching is null
                ? new Station<Request>(sim, name, slots, discipline, this, capacity, recordSamples: false)
                : new SharedRateStation<Request>(sim, name, batching.MaxBatch, batching.RatePerSequence, batching.KvCacheCapacityMb, discipline, this,
                    capacity == int.MaxValue ? int.MaxValue : capacity - slots + batching.MaxBatch, recordSamples: false);
        }
        _plain = Station as Station<Request>;
        Slots = Station.Servers;
    }

    private int _faults;

    // Independent slots (Station): an arrival either starts at once (OnServiceStart has counted it) or queues. The station
    // typed as it is, for direct calls (its counts are read several times per job; through IStation each is an interface
    // dispatch in the Native AOT binary); null for a shared or batching station.
    private readonly Station<Request>? _plain;

    // A shared node's waits also feed the pool's batch means (a batching node's never did: kept as it was).
    private readonly bool _sharing;

    public int Index { get; }

    /// <summary>Hands the node's work to <paramref name="router"/> directly (the network builds nodes before the lifecycle that routes their work).</summary>
    internal void RouteTo(IStageRouter router)
    {
        _router = router;
        _lifecycle = router as RequestLifecycle;
    }

    // What the pool last counted of this node's jobs (Pool.LoadChanged keeps its sums from these).
    internal int CountedWaiting, CountedBusy;

    /// <summary>Up unless at least one fault (a failure, an outage) holds it down.</summary>
    public bool IsUp => _faults == 0;

    /// <summary>
    /// A fault starts: the first one takes the node down and returns the work it held; overlapping
    /// faults (a random failure during an outage) only add to the count.
    /// </summary>
    public List<InterruptedJob<Request>> FaultStarts()
    {
        if (_faults++ > 0) return [];
        _queuedCount = 0;
        _queuedWorkSum = _inServiceEndSum = 0;
        List<InterruptedJob<Request>> jobs = Station.GoDown();
        _pool.UpChanged(this);
        return jobs;
    }

    /// <summary>A fault ends; true when that brings the node back up.</summary>
    public bool FaultEnds()
    {
        if (--_faults > 0) return false;
        Station.ComeUp();
        _pool.UpChanged(this);
        return true;
    }

    public double Speed { get; }
    public bool TeeCapable { get; }
    public IStation<Request> Station { get; }

    /// <summary>Slots, or the batch size of a batching node (fixed when the station is built; read on every JSQ key change).</summary>
    public int Slots { get; }
    public int Busy
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _plain is not null ? _plain.Busy : Station.Busy;
    }
    public int Waiting => _plain is not null ? _plain.Waiting : Station.Waiting;

    // What WorkLeftSeconds is made of, for the least-work index (LeastWorkIndex).
    internal double InServiceEndSum => _inServiceEndSum;
    internal double QueuedWorkSum => _queuedWorkSum;

    public double WorkLeftSeconds => Math.Max(0, _inServiceEndSum - Busy * _sim.Now) + _queuedWorkSum;

    /// <summary>Offers the request's current stage to the node; false when its queue is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Arrive(Request request)
    {
        _arriving = request;
        bool accepted = _plain is not null ? _plain.Arrive(request) : Station.Arrive(request);
        bool queued = _arriving is not null; // OnServiceStart clears it when the job started at once
        _arriving = null;
        if (!accepted) return false;
        // A plain station that started the job at once changed nothing after OnServiceStart told the pool.
        if (queued || _plain is null) _pool.LoadChanged(this);
        if (queued)
        {
            // Every copy of a request has the same expected work (a verification's mean cost depends on
            // its path only), so k copies on k nodes can share the one field.
            double expected = _lifecycle is not null ? _lifecycle.ExpectedWorkSeconds(request) : _router.ExpectedWorkSeconds(request);
            request.QueuedWorkSeconds = expected;
            _queuedCount++;
            _queuedWorkSum += expected / Speed;
        }
        return true;
    }

    /// <summary>A job starts service: when it had queued here, its expected work leaves the queued sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LeaveQueue(Request request)
    {
        if (ReferenceEquals(request, _arriving))
        {
            _arriving = null;
            return;
        }
        if (_queuedCount == 0) return; // queued before a fault emptied this node's books
        _queuedWorkSum = --_queuedCount == 0 ? 0 : _queuedWorkSum - request.QueuedWorkSeconds / Speed;
    }

    public override double ServiceTime(Request request) => (_lifecycle is not null ? _lifecycle.WorkSeconds(request) : _router.WorkSeconds(request)) / Speed;

    public override void OnServiceStart(Request request, double waitSeconds, double serviceSeconds)
    {
        LeaveQueue(request);
        _pool.LoadChanged(this);
        _inServiceEndSum += _sim.Now + serviceSeconds;
        _pool.RecordStart(waitSeconds, serviceSeconds);
        if (_lifecycle is not null) _lifecycle.OnServiceStart(request);
        else _router.OnServiceStart(request);
    }

    public override void OnDeparture(Request request)
    {
        // The job ends now, so its end time is Now; reset when idle so rounding cannot accumulate.
        _inServiceEndSum = Busy == 0 ? 0 : _inServiceEndSum - _sim.Now;
        _pool.LoadChanged(this);
        _pool.OnSlotFreed(this);
        // The last step of the station's completion event (Station.Complete), so the lifecycle may continue in place.
        if (_lifecycle is not null) _lifecycle.OnServiceEnd(request, this, endsEvent: _plain is not null);
        else _router.OnServiceEnd(request, this, endsEvent: _plain is not null);
    }

    // A batching node learns a job's service time only when it ends: the batch around it keeps changing.
    double ISharedRateClient<Request>.Work(Request request) => ServiceTime(request);

    double ISharedRateClient<Request>.Demand(Request request) => _batching?.KvCacheMb(request) ?? 0;

    bool ISharingClient<Request>.IsSecondary(Request request) => request.Stage == RequestStage.Proof;

    /// <summary>True when this request would start at once here (a central pool queue hands jobs only to such nodes).</summary>
    public bool HasRoomFor(Request request) => _plain is not null ? _plain.HasRoomFor(request) : Station.HasRoomFor(request);

    void ISharedRateClient<Request>.OnServiceStart(Request request, double waitSeconds)
    {
        LeaveQueue(request);
        _pool.LoadChanged(this);
        _pool.RecordWait(waitSeconds, batchMeans: _sharing);
        _router.OnServiceStart(request);
    }

    void ISharedRateClient<Request>.OnDeparture(Request request, double serviceSeconds)
    {
        _pool.LoadChanged(this);
        _pool.RecordService(serviceSeconds);
        _pool.OnSlotFreed(this);
        _router.OnServiceEnd(request, this, endsEvent: false); // a shared station ends several jobs in one event
    }
}
