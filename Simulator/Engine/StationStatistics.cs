using HacaSim.Analysis.Statistics;

namespace HacaSim.Engine;

/// <summary>Streaming statistics of one station since the last warm-up reset.</summary>
public sealed class StationStatistics
{
    /// <param name="recordSamples">
    /// False when nobody reads <see cref="Wait"/>, <see cref="Service"/> and <see cref="Sojourn"/> (a HACA node:
    /// its pool keeps waits and service times): their histograms are ~250 KB each per busy station and three
    /// records per job, which a pool of 100,000 nodes cannot afford. They then stay empty.
    /// </param>
    public StationStatistics(double startTime, bool recordSamples = true)
    {
        RecordsSamples = recordSamples;
        Waiting = new TimeWeightedAverage(startTime);
        Busy = new TimeWeightedAverage(startTime);
        StartTime = startTime;
    }

    /// <summary>Whether the stations record wait, service and sojourn samples.</summary>
    public bool RecordsSamples { get; }

    /// <summary>When the statistics were last reset.</summary>
    public double StartTime { get; private set; }

    /// <summary>Jobs waiting (not in service), time-weighted.</summary>
    public TimeWeightedAverage Waiting { get; }

    /// <summary>Servers busy, time-weighted.</summary>
    public TimeWeightedAverage Busy { get; }

    /// <summary>Queueing delay of jobs that started service.</summary>
    public SampleStatistic Wait { get; } = new();

    /// <summary>Service time of jobs that started service.</summary>
    public SampleStatistic Service { get; } = new();

    /// <summary>Time in the station (wait + service) of jobs that departed.</summary>
    public SampleStatistic Sojourn { get; } = new();

    public long Arrivals { get; internal set; }
    public long Rejections { get; internal set; }
    public long Departures { get; internal set; }

    public void Reset(double now)
    {
        StartTime = now;
        Waiting.Reset(now);
        Busy.Reset(now);
        Wait.Reset();
        Service.Reset();
        Sojourn.Reset();
        Arrivals = Rejections = Departures = 0;
    }
}
