using HacaSim.Engine;
using HacaSim.Policies;

namespace HacaSim.Model;

/// <summary>
/// One node of a pool: a station with its slots, a speed factor and a TEE capability. It turns a
/// request's current stage into a service time and hands finished work back to the lifecycle.
/// </summary>
public sealed class Node : INodeView, IStationClient<Request>
{
    private readonly Pool _pool;
    private readonly IStageRouter _router;

    public Node(Simulation sim, Pool pool, int index, int slots, double speed, bool teeCapable, int capacity,
        IQueueDiscipline<Request> discipline, IStageRouter router)
    {
        _pool = pool;
        _router = router;
        Index = index;
        Speed = speed;
        TeeCapable = teeCapable;
        Station = new Station<Request>(sim, $"{pool.Name}/{index}", slots, discipline, this, capacity);
    }

    public int Index { get; }
    public double Speed { get; }
    public bool TeeCapable { get; }
    public Station<Request> Station { get; }
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
}
