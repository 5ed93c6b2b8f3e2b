using HacaSim.Analysis.Statistics;

namespace HacaSim.Model;

/// <summary>
/// Time to trust of one request class (requests that arrived after the warm-up), and how many of those settled
/// past the class's deadline_s: the per-class view a service-level objective is written in.
/// </summary>
public sealed class ClassMetrics
{
    private SampleStatistic _timeToTrust = new();
    // While set, this class's observations so far are exactly that path statistic's, in the same order (RunMetrics decides
    // it: every measured request settled so far was of this class on that path), and are recorded there only.
    private SampleStatistic? _sameAs;
    private readonly Lock _sharing = new();

    /// <summary>Requests of this class that arrived after the warm-up.</summary>
    public long Count { get; set; }

    /// <summary>Of those, settled (final) before the run ended.</summary>
    public long Settled { get; set; }

    /// <summary>Of the settled ones, final later than the class's deadline after arrival (0 without a deadline).</summary>
    public long OverDeadline { get; set; }

    /// <summary>Arrival to final.</summary>
    /// <remarks>A statistic shared with a path's becomes this class's own copy when read (outputs may read from several threads).</remarks>
    public SampleStatistic TimeToTrust
    {
        get
        {
            lock (_sharing)
            {
                if (_sameAs is not null)
                {
                    _timeToTrust = SampleStatistic.CopyOf(_sameAs);
                    _sameAs = null;
                }
                return _timeToTrust;
            }
        }
    }

    /// <summary>
    /// Records one time to trust in this class's own statistic, when RunMetrics has found it shares none (no copy to make).
    /// On the simulating thread, the only one that shares or stops sharing during a run, so without the lock that readers on
    /// output threads take: TimeToTrust's lock on every settled request was ~1% of a baseline run's samples.
    /// </summary>
    internal void RecordOwnTimeToTrust(double seconds)
    {
        if (_sameAs is not null) throw new InvalidOperationException("this class's time to trust is still shared with its path's");
        _timeToTrust.Record(seconds);
    }

    /// <summary>From now on this class's time to trust is <paramref name="path"/>'s, which holds exactly its observations.</summary>
    internal void ShareTimeToTrust(SampleStatistic path)
    {
        lock (_sharing) _sameAs = path;
    }

    /// <summary>Whether this class's observations are still recorded in <paramref name="path"/> only.</summary>
    internal bool SharesTimeToTrustWith(SampleStatistic path) => ReferenceEquals(_sameAs, path);
}
