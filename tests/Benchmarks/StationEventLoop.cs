using HacaSim.Engine;
using HacaSim.Randomness;

namespace HacaSim.Benchmarks;

/// <summary>
/// The workload through our <see cref="Station{TJob}"/> primitive (FIFO discipline, its streaming
/// statistics included) on our kernel: the cost a model built from stations actually pays. The model
/// logic is the same as <see cref="MmcModel{TCalendar}"/>'s, with the queue and servers in the station.
/// </summary>
internal sealed class StationEventLoop : StationClient<MmcCustomer>
{
    private readonly Simulation _sim;
    private readonly Station<MmcCustomer> _station;
    private readonly IDistribution _interarrival;
    private readonly IDistribution _service;
    private readonly Stack<MmcCustomer> _pool = new();
    private readonly Action<object?> _arrive;
    private int _arrivalsLeft;
    private int _inSystem;
    private double _lastChangeSeconds;
    private double _inSystemIntegral;
    private double _waitSumSeconds;
    private long _started;

    private StationEventLoop(MmcWorkload workload)
    {
        _sim = new Simulation();
        _station = new Station<MmcCustomer>(_sim, "mmc", workload.Servers, new FifoDiscipline<MmcCustomer>(), this);
        _interarrival = workload.CreateInterarrival();
        _service = workload.CreateService();
        _arrivalsLeft = workload.Arrivals;
        _arrive = Arrive;
    }

    public static MmcResult Run(MmcWorkload workload)
    {
        var loop = new StationEventLoop(workload);
        loop._sim.Schedule(loop._interarrival.Sample(), loop._arrive);
        loop._sim.Run(double.PositiveInfinity);
        return new MmcResult(loop._sim.EventsFired, loop._inSystemIntegral / loop._sim.Now, loop._waitSumSeconds / loop._started);
    }

    public override double ServiceTime(MmcCustomer job) => _service.Sample();

    public override void OnServiceStart(MmcCustomer job, double waitSeconds, double serviceSeconds)
    {
        _waitSumSeconds += waitSeconds;
        _started++;
    }

    public override void OnDeparture(MmcCustomer job)
    {
        ChangeInSystem(_sim.Now, -1);
        _pool.Push(job);
    }

    private void Arrive(object? _)
    {
        double now = _sim.Now;
        if (--_arrivalsLeft > 0) _sim.Schedule(_interarrival.Sample(), _arrive);
        ChangeInSystem(now, +1);
        MmcCustomer customer = _pool.TryPop(out MmcCustomer? pooled) ? pooled : new MmcCustomer();
        customer.ArrivalSeconds = now;
        _station.Arrive(customer);
    }

    private void ChangeInSystem(double now, int delta)
    {
        _inSystemIntegral += _inSystem * (now - _lastChangeSeconds);
        _lastChangeSeconds = now;
        _inSystem += delta;
    }
}
