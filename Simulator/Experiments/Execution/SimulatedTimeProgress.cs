using HacaSim.Model;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// How far a run is in simulated time, across its replications, for a progress display: finished replications
/// count whole, running ones by the simulated time they have reached. It only reads the networks' clocks and event
/// counters from the display's thread; it never touches a random stream or an event, so output is unchanged.
/// </summary>
public sealed class SimulatedTimeProgress
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, HacaNetwork> _running = [];
    private double _finishedSeconds;
    private long _finishedEvents;

    /// <summary>Set when the replications are done and the results are being written.</summary>
    public bool Writing { get; set; }

    public void Started(int replication, HacaNetwork network)
    {
        lock (_lock) _running[replication] = network;
    }

    public void Finished(int replication, double simulatedSeconds, long events)
    {
        lock (_lock)
        {
            _running.Remove(replication);
            _finishedSeconds += simulatedSeconds;
            _finishedEvents += events;
        }
    }

    /// <summary>Simulated seconds and events so far, over every replication.</summary>
    public (double SimulatedSeconds, long Events) Snapshot()
    {
        lock (_lock)
        {
            double seconds = _finishedSeconds;
            long events = _finishedEvents;
            foreach (HacaNetwork n in _running.Values)
            {
                (double s, long e) = n.Progress;
                seconds += s;
                events += e;
            }
            return (seconds, events);
        }
    }
}
