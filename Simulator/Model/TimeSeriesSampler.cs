using HacaSim.Analysis.Records;
using HacaSim.Engine;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// Samples every pool's queue, busy slots and backlog, and the settlement backlog, at a fixed interval
/// of simulated time, and each path's mean proof lag over the interval. Rows number duration/interval,
/// whatever the load, so memory stays flat.
/// </summary>
public sealed class TimeSeriesSampler
{
    public const string SettlementPool = "settlement";

    private readonly Simulation _sim;
    private readonly int _replication;
    private readonly IReadOnlyList<Pool> _pools;
    private readonly Settlement _settlement;
    private readonly RunMetrics _metrics;
    private readonly double _intervalSeconds;
    private readonly double _endSeconds;
    private readonly Action<object?> _sample;

    public TimeSeriesSampler(Simulation sim, int replication, IReadOnlyList<Pool> pools, Settlement settlement, RunMetrics metrics,
        double intervalSeconds, double endSeconds)
    {
        _sim = sim;
        _replication = replication;
        _pools = pools;
        _settlement = settlement;
        _metrics = metrics;
        _intervalSeconds = intervalSeconds;
        _endSeconds = endSeconds;
        _sample = Sample;
        // Sample after every other event at the same instant, so a row shows the state at that time.
        sim.ScheduleAt(0, _sample, priority: int.MaxValue);
    }

    public List<TimeSeriesRow> Rows { get; } = [];
    public List<ProofLagRow> ProofLag { get; } = [];

    private void Sample(object? _)
    {
        double t = _sim.Now;
        foreach (Pool p in _pools)
        {
            int waiting = p.Waiting, busy = p.Busy;
            Rows.Add(new TimeSeriesRow(_replication, t, p.Name, waiting, busy, waiting + busy));
        }
        int pending = _settlement.Pending, awaiting = _settlement.AwaitingFinality;
        Rows.Add(new TimeSeriesRow(_replication, t, SettlementPool, pending, awaiting, pending + awaiting));
        if (t > 0)
        {
            foreach (VerificationPath path in VerificationPaths.All)
            {
                PathMetrics m = _metrics.Path(path);
                double mean = m.IntervalSettled > 0 ? m.IntervalLagSum / m.IntervalSettled : double.NaN;
                ProofLag.Add(new ProofLagRow(_replication, t, path.Key(), m.IntervalSettled, mean));
                m.IntervalLagSum = 0;
                m.IntervalSettled = 0;
            }
        }
        double next = t + _intervalSeconds;
        // "> t": an interval too small to move the clock (refused by TimeLimits, kept here as a guard) must not sample forever.
        if (next <= _endSeconds + 1e-9 && Math.Min(next, _endSeconds) > t) _sim.ScheduleAt(Math.Min(next, _endSeconds), _sample, priority: int.MaxValue);
    }
}
