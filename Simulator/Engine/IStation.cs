namespace HacaSim.Engine;

/// <summary>
/// What the model sees of a station, whatever its service discipline: offer a job, read the counts and
/// the statistics. <see cref="Station{TJob}"/> (c independent servers) and
/// <see cref="SharedRateStation{TJob}"/> (jobs in service share a rate) both implement it.
/// </summary>
public interface IStation<TJob>
{
    string Name { get; }

    /// <summary>Most jobs in service at once (servers, or the batch size).</summary>
    int Servers { get; }

    /// <summary>Most jobs the station holds, waiting plus in service.</summary>
    int Capacity { get; }

    /// <summary>Jobs in service.</summary>
    int Busy { get; }

    /// <summary>Jobs waiting for service.</summary>
    int Waiting { get; }

    int InSystem { get; }

    StationStatistics Statistics { get; }

    /// <summary>True when <paramref name="job"/>, arriving now, would start service at once (a central queue hands jobs only to such stations).</summary>
    bool HasRoomFor(TJob job);

    /// <summary>Offers a job; false (and counted as a rejection) when the station cannot take it or is down.</summary>
    bool Arrive(TJob job);

    /// <summary>False while the station is down (a node fault).</summary>
    bool IsUp { get; }

    /// <summary>Goes down: interrupts service, cancels completions, and returns every job it held.</summary>
    List<InterruptedJob<TJob>> GoDown();

    /// <summary>Comes back up, empty.</summary>
    void ComeUp();
}
