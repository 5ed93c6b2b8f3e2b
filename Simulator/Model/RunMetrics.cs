using System.Runtime.CompilerServices;
using HacaSim.Analysis.Statistics;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// The counts that must balance (arrived = settled + failed + in flight, over the whole run) and the
/// per-path latency statistics (requests arriving after the warm-up only, so the empty start does not
/// flatter the result).
/// </summary>
/// <remarks>The counters' setters are internal so a saved replication (a shard's unit file) can be restored exactly.</remarks>
public sealed class RunMetrics(double warmupSeconds)
{
    private readonly PathMetrics[] _paths = VerificationPaths.All.Select(_ => new PathMetrics()).ToArray();

    public long Arrived { get; internal set; }
    public long Settled { get; internal set; }
    public long Failed { get; internal set; }
    public long InFlight => Arrived - Settled - Failed;
    public SortedDictionary<string, long> FailedByReason { get; } = new(StringComparer.Ordinal);

    private static readonly int PathCount = VerificationPaths.All.Count;
    private readonly SortedDictionary<string, long> _decisions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _downgrades = new(StringComparer.Ordinal);

    // Per arrival the counts go to arrays indexed by small integers (the decision reason's position among
    // the reasons seen so far, the path): building and hashing a "path/reason" key for every request was a
    // measurable share of a run. The sorted tables are filled from them when read, so output order is unchanged.
    private readonly List<string> _reasons = [];
    private long[] _decisionCounts = new long[PathCount * 4];
    private readonly long[] _downgradeCounts = new long[PathCount * PathCount];
    private bool _countsPending;

    /// <summary>How often each path was chosen, and why (after the warm-up): "path/reason" -> count.</summary>
    public SortedDictionary<string, long> Decisions
    {
        get
        {
            FlushCounts();
            return _decisions;
        }
    }

    /// <summary>Downgrades after the warm-up: "from->to" -> count (hypothesis 3: drift to weaker paths).</summary>
    public SortedDictionary<string, long> Downgrades
    {
        get
        {
            FlushCounts();
            return _downgrades;
        }
    }

    /// <summary>Requests whose path was decided after the warm-up.</summary>
    public long Decided { get; internal set; }

    public PathMetrics Path(VerificationPath path) => _paths[(int)path];

    private readonly List<ClassMetrics> _classes = [];

    /// <summary>Per request class, by the class's index (grown as classes are seen).</summary>
    public IReadOnlyList<ClassMetrics> Classes => _classes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ClassMetrics Class(int index)
    {
        while (_classes.Count <= index) _classes.Add(new ClassMetrics());
        return _classes[index];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Measured(Request r) => r.ArrivalSeconds >= warmupSeconds;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnArrival(Request r)
    {
        Arrived++;
        if (!Measured(r)) return;
        r.Counted = true;
        Path(r.Path).Count++;
        Class(r.Class.Index).Count++;
        // _paths.Length is PathCount: an instance field, where the static field costs the Native AOT binary a check that
        // the class's static constructor has run.
        int paths = _paths.Length;
        _decisionCounts[ReasonIndex(r.DecisionReason) * paths + (int)r.Path]++;
        Decided++;
        if (r.DowngradedFrom is { } from) _downgradeCounts[(int)from * paths + (int)r.Path]++;
        _countsPending = true;
    }

    /// <summary>Position of a decision reason among those seen; policies return a handful of constant strings, so this is a short scan comparing references first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ReasonIndex(string reason)
    {
        for (int i = 0; i < _reasons.Count; i++)
        {
            string known = _reasons[i];
            if (ReferenceEquals(known, reason) || string.Equals(known, reason, StringComparison.Ordinal)) return i;
        }
        _reasons.Add(reason);
        if (_reasons.Count * PathCount > _decisionCounts.Length) Array.Resize(ref _decisionCounts, _decisionCounts.Length * 2);
        return _reasons.Count - 1;
    }

    private void FlushCounts()
    {
        // Reading fills the tables: locked, so two writers reading one replication at once stay exact.
        lock (_reasons) FlushCountsLocked();
    }

    private void FlushCountsLocked()
    {
        if (!_countsPending) return;
        _countsPending = false;
        for (int i = 0; i < _reasons.Count * PathCount; i++)
        {
            if (_decisionCounts[i] == 0) continue;
            string key = VerificationPaths.All[i % PathCount].Key() + "/" + _reasons[i / PathCount];
            _decisions[key] = _decisions.GetValueOrDefault(key) + _decisionCounts[i];
            _decisionCounts[i] = 0;
        }
        for (int i = 0; i < _downgradeCounts.Length; i++)
        {
            if (_downgradeCounts[i] == 0) continue;
            string move = VerificationPaths.All[i / PathCount].Key() + "->" + VerificationPaths.All[i % PathCount].Key();
            _downgrades[move] = _downgrades.GetValueOrDefault(move) + _downgradeCounts[i];
            _downgradeCounts[i] = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnResult(Request r)
    {
        if (!Measured(r)) return;
        PathMetrics m = Path(r.Path);
        m.RecordResultLatency(r.Id, r.ResultSeconds - r.ArrivalSeconds);
        m.ResultLatencyBatches.Push(r.ResultSeconds - r.ArrivalSeconds);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnSettled(Request r)
    {
        Settled++;
        PathMetrics m = Path(r.Path);
        double lag = r.FinalSeconds - r.ResultSeconds;
        m.IntervalLagSum += lag;
        m.IntervalSettled++;
        if (!Measured(r)) return;
        ClassMetrics c = Class(r.Class.Index);
        // Decided before the path records: a class that stops sharing copies the path's observations without this one.
        bool shared = SharesTimeToTrust(c, m.TimeToTrust);
        m.ProofLag.Record(lag);
        m.RecordTimeToTrust(r.Id, r.FinalSeconds - r.ArrivalSeconds);
        m.ProofLagBatches.Push(lag);
        m.TimeToTrustBatches.Push(r.FinalSeconds - r.ArrivalSeconds);
        c.Settled++;
        if (!shared) c.RecordOwnTimeToTrust(r.FinalSeconds - r.ArrivalSeconds);
        if (r.Class.DeadlineSeconds is { } deadline && r.FinalSeconds - r.ArrivalSeconds > deadline) c.OverDeadline++;
    }

    // The class whose time to trust is its path's statistic (SharesTimeToTrust), and whether sharing has ended for this run.
    private ClassMetrics? _sharingClass;
    private bool _sharingOver;

    /// <summary>
    /// Whether class <paramref name="c"/>'s time to trust of this settlement is recorded in <paramref name="path"/>'s alone.
    /// While every measured request settled so far was of one class on one path, that class's observations and that path's
    /// are the same values in the same order: one statistic holds them (the class's copies it when read, ClassMetrics). At
    /// the first settlement of another class or on another path the class takes its own copy, still without this value,
    /// and both record from then on. Why: a single-class, single-path run (the M/M/c validation) recorded every time to
    /// trust twice, a tenth of its statistics work.
    /// </summary>
    private bool SharesTimeToTrust(ClassMetrics c, SampleStatistic path)
    {
        if (_sharingOver) return false;
        if (_sharingClass is null)
        {
            // The first measured settlement: nothing has recorded into either statistic yet.
            if (c.TimeToTrust.Count == 0 && path.Count == 0)
            {
                c.ShareTimeToTrust(path);
                _sharingClass = c;
                return true;
            }
        }
        else if (ReferenceEquals(c, _sharingClass) && c.SharesTimeToTrustWith(path)) return true;
        else _ = _sharingClass.TimeToTrust; // its own copy, before the path records this value
        _sharingOver = true;
        return false;
    }

    /// <summary>Jobs a node fault took away, and the service they had already received (work lost and redone).</summary>
    public long InterruptedJobs { get; internal set; }
    public double WorkLostSeconds { get; internal set; }
    public long Retries { get; internal set; }

    /// <summary>Path switches forced by faults: "from->to" -> count (downgrades, hypothesis 3's drift).</summary>
    public SortedDictionary<string, long> Fallbacks { get; } = new(StringComparer.Ordinal);

    public void OnInterrupted(double servedSeconds)
    {
        InterruptedJobs++;
        WorkLostSeconds += servedSeconds;
    }

    public void OnRetry() => Retries++;

    /// <summary>Requests only counted (not kept) because a pool had the run's maximum waiting: pool -> count.</summary>
    public SortedDictionary<string, long> Overflow { get; } = new(StringComparer.Ordinal);

    public void OnOverflow(string pool) => Overflow[pool] = Overflow.GetValueOrDefault(pool) + 1;

    /// <summary>A fault forced a path switch: counted as a fallback and, as the issue asks, as a downgrade.</summary>
    public void OnFallback(VerificationPath from, VerificationPath to)
    {
        string key = $"{from.Key()}->{to.Key()}";
        Fallbacks[key] = Fallbacks.GetValueOrDefault(key) + 1;
        _downgrades[key] = _downgrades.GetValueOrDefault(key) + 1;
    }

    public void OnFailed(string reason)
    {
        Failed++;
        FailedByReason[reason] = FailedByReason.GetValueOrDefault(reason) + 1;
    }
}
