using HacaSim.Engine;
using HacaSim.Policies;

namespace HacaSim.Model;

/// <summary>
/// One node of a pool: a station with its slots, a speed factor and a TEE capability. It turns a
/// request's current stage into a service time and hands finished work back to the lifecycle. A GPU
/// node serving a model with continuous batching uses a <see cref="SharedRateStation{TJob}"/> whose
/// sequences share the GPU (<see cref="ContinuousBatching"/>); every other node has independent slots.
/// </summary>
public sealed class Node : INodeView, IStationClient<Request>, ISharedRateClient<Request>
{
    private readonly Pool _pool;
    private readonly IStageRouter _router;
    private readonly ContinuousBatching? _batching;

    public Node(Simulation sim, Pool pool, int index, int slots, double speed, bool teeCapable, int capacity,
        IQueueDiscipline<Request> discipline, IStageRouter router, ContinuousBatching? batching = null)
    {
        _pool = pool;
        _router = router;
        _batching = batching;
        Index = index;
        Speed = speed;
        TeeCapable = teeCapable;
        string name = $"{pool.Name}/{index}";
        Station = batching is null
            ? new Station<Request>(sim, name, slots, discipline, this, capacity)
            : new SharedRateStation<Request>(sim, name, batching.MaxBatch, batching.RatePerSequence, batching.KvCacheCapacityMb, discipline, this,
                capacity == int.MaxValue ? int.MaxValue : capacity - slots + batching.MaxBatch);
    }

    private int _faults;

    public int Index { get; }

    /// <summary>Up unless at least one fault (a failure, an outage) holds it down.</summary>
    public bool IsUp => _faults == 0;

    /// <summary>
    /// A fault starts: the first one takes the node down and returns the work it held; overlapping
    /// faults (a random failure during an outage) only add to the count.
    /// </summary>
    public List<InterruptedJob<Request>> FaultStarts() => _faults++ == 0 ? Station.GoDown() : [];

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

    public double ServiceTime(Request request) => _router.WorkSeconds(request) / Speed;

    public void OnServiceStart(Request request, double waitSeconds, double serviceSeconds)
    {
        _pool.RecordStart(waitSeconds, serviceSeconds);
        _router.OnServiceStart(request);
    }

    public void OnDeparture(Request request) => _router.OnServiceEnd(request, this);

    // A batching node learns a job's service time only when it ends: the batch around it keeps changing.
    double ISharedRateClient<Request>.Work(Request request) => ServiceTime(request);

    double ISharedRateClient<Request>.Demand(Request request) => _batching!.KvCacheMb(request);

    void ISharedRateClient<Request>.OnServiceStart(Request request, double waitSeconds)
    {
        _pool.RecordWait(waitSeconds);
        _router.OnServiceStart(request);
    }

    void ISharedRateClient<Request>.OnDeparture(Request request, double serviceSeconds)
    {
        _pool.RecordService(serviceSeconds);
        _router.OnServiceEnd(request, this);
    }
}
