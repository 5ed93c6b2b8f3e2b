using HacaSim.Engine;
using HacaSim.Policies;

namespace HacaSim.Model;

/// <summary>
/// One node of a pool: a station with its slots, a speed factor and a TEE capability. It turns a
/// request's current stage into a service time and hands finished work back to the lifecycle.
/// It also keeps the work it holds (for the least-work-left dispatcher): the expected work of its queued
/// jobs, counted at enqueue, and the end times of the jobs in service.
/// </summary>
public sealed class Node : INodeView, IStationClient<Request>
{
    private readonly Simulation _sim;
    private readonly Pool _pool;
    private readonly IStageRouter _router;
    private readonly Dictionary<Request, double> _queuedWork = [];
    private double _queuedWorkSum;
    private double _inServiceEndSum;

    public Node(Simulation sim, Pool pool, int index, int slots, double speed, bool teeCapable, int capacity,
        IQueueDiscipline<Request> discipline, IStageRouter router)
    {
        _sim = sim;
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
        _router.OnServiceEnd(request, this);
    }
}
