using HacaSim.Randomness;

namespace HacaSim.Benchmarks;

/// <summary>
/// The M/M/c model logic shared by the kernel and the yardstick, written once so both run the very
/// same code: an arrival schedules the next arrival and then starts service or joins a FIFO queue;
/// a completion starts the head of the queue. It integrates the number in system over time and sums
/// the waits, so its result depends on every event.
/// </summary>
internal sealed class MmcModel<TCalendar> where TCalendar : struct, IEventCalendar
{
    private readonly TCalendar _calendar;
    private readonly IDistribution _interarrival;
    private readonly IDistribution _service;
    private readonly int _servers;
    private readonly Queue<MmcCustomer> _waiting = new();
    private readonly Stack<MmcCustomer> _pool = new();
    private readonly Action<object?> _arrive;
    private readonly Action<object?> _complete;
    private int _arrivalsLeft;
    private int _busy;
    private int _inSystem;
    private double _lastChangeSeconds;
    private double _inSystemIntegral;
    private double _waitSumSeconds;
    private long _started;

    public MmcModel(TCalendar calendar, MmcWorkload workload)
    {
        _calendar = calendar;
        _interarrival = workload.CreateInterarrival();
        _service = workload.CreateService();
        _servers = workload.Servers;
        _arrivalsLeft = workload.Arrivals;
        // Cached once: scheduling a method group directly would allocate a delegate per event.
        _arrive = Arrive;
        _complete = Complete;
    }

    public void Start() => _calendar.Schedule(_interarrival.Sample(), _arrive, null);

    public MmcResult Result(long eventsFired) =>
        new(eventsFired, _inSystemIntegral / _calendar.Now, _waitSumSeconds / _started);

    private void Arrive(object? _)
    {
        double now = _calendar.Now;
        if (--_arrivalsLeft > 0) _calendar.Schedule(_interarrival.Sample(), _arrive, null);
        ChangeInSystem(now, +1);
        MmcCustomer customer = _pool.TryPop(out MmcCustomer? pooled) ? pooled : new MmcCustomer();
        customer.ArrivalSeconds = now;
        if (_busy < _servers)
        {
            _busy++;
            _started++;
            _calendar.Schedule(_service.Sample(), _complete, customer);
        }
        else _waiting.Enqueue(customer);
    }

    private void Complete(object? state)
    {
        double now = _calendar.Now;
        ChangeInSystem(now, -1);
        _pool.Push((MmcCustomer)state!);
        if (_waiting.TryDequeue(out MmcCustomer? next))
        {
            _waitSumSeconds += now - next.ArrivalSeconds;
            _started++;
            _calendar.Schedule(_service.Sample(), _complete, next);
        }
        else _busy--;
    }

    private void ChangeInSystem(double now, int delta)
    {
        _inSystemIntegral += _inSystem * (now - _lastChangeSeconds);
        _lastChangeSeconds = now;
        _inSystem += delta;
    }
}
