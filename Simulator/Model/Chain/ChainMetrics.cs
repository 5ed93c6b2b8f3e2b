using HacaSim.Analysis.Statistics;
using HacaSim.Scenarios;

namespace HacaSim.Model.Chain;

/// <summary>
/// What the chain measured after the warm-up: blocks and their content (items, gas, execution time), the
/// time between consecutive block proposals (the cycle), the mempool's length over time, and per path the
/// inclusion delay (ready for the chain -> in a block) and finality delay (ready -> final).
/// </summary>
/// <remarks>Setters are internal so a saved replication (a shard's unit file) can be restored exactly.</remarks>
public sealed class ChainMetrics
{
    private readonly SampleStatistic[] _inclusion = VerificationPaths.All.Select(_ => new SampleStatistic()).ToArray();
    private readonly SampleStatistic[] _finality = VerificationPaths.All.Select(_ => new SampleStatistic()).ToArray();
    private readonly TimeWeightedAverage _mempool = new(0);
    private double _startSeconds;

    public long Blocks { get; internal set; }
    public long Items { get; internal set; }
    public long Gas { get; internal set; }
    public long MaxItems { get; internal set; }
    public long MaxGas { get; internal set; }

    /// <summary>Items counted as failed because the mempool was full.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Time a block spent executing its proofs (on-chain placement; 0 off chain).</summary>
    public SampleStatistic ExecutionSeconds { get; } = new();

    /// <summary>Time from one block's proposal to the next's.</summary>
    public SampleStatistic CycleSeconds { get; } = new();

    /// <summary>Time-weighted mean and maximum of the items waiting in the mempool (set when the run ends).</summary>
    public double MempoolMean { get; internal set; } = double.NaN;
    public double MempoolMax { get; internal set; } = double.NaN;

    /// <summary>Simulated time these statistics cover: from the warm-up to the end of the run (set when the run ends).</summary>
    public double MeasuredSeconds { get; internal set; } = double.NaN;

    /// <summary>Items proposed in a block per second of measured time.</summary>
    public double ThroughputItemsPerSecond => MeasuredSeconds > 0 ? Items / MeasuredSeconds : double.NaN;

    public SampleStatistic Inclusion(VerificationPath path) => _inclusion[(int)path];
    public SampleStatistic Finality(VerificationPath path) => _finality[(int)path];

    internal void OnBlock(int items, long gas, double executionSeconds, double cycleSeconds)
    {
        Blocks++;
        Items += items;
        Gas += gas;
        MaxItems = Math.Max(MaxItems, items);
        MaxGas = Math.Max(MaxGas, gas);
        ExecutionSeconds.Record(executionSeconds);
        if (!double.IsNaN(cycleSeconds)) CycleSeconds.Record(cycleSeconds);
    }

    internal void OnMempool(double now, int items) => _mempool.Update(now, items);

    internal void Reset(double now)
    {
        Blocks = Items = Gas = MaxItems = MaxGas = Rejected = 0;
        _startSeconds = now;
        _mempool.Reset(now);
        ExecutionSeconds.Reset();
        CycleSeconds.Reset();
        foreach (var s in _inclusion.Concat(_finality)) s.Reset();
    }

    internal void Finish(double now)
    {
        MempoolMean = _mempool.Mean(now);
        MempoolMax = _mempool.Max;
        MeasuredSeconds = now - _startSeconds;
    }
}
