using HacaSim.Engine;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// The chain: verified items wait for the next block (every interval, at most capacity items, FIFO);
/// a block is final after consensus, whose latency grows with the validator count. In instant mode an
/// item is final as soon as it is verified (for textbook validation). ZK-CRV items are final no
/// earlier than the end of their challenge window.
/// </summary>
public sealed class Settlement
{
    private readonly Simulation _sim;
    private readonly SettlementConfig _config;
    private readonly Action<Request> _onFinal;
    private readonly Queue<Request> _pending = new();
    private readonly Action<object?> _produceBlock;
    private readonly Action<object?> _finalizeBlock;
    private readonly Action<object?> _finalizeOne;
    private readonly double _challengeWindowSeconds;

    public Settlement(Simulation sim, SettlementConfig config, int validators, double challengeWindowSeconds, Action<Request> onFinal)
    {
        _sim = sim;
        _config = config;
        _onFinal = onFinal;
        _challengeWindowSeconds = challengeWindowSeconds;
        ConsensusLatencySeconds = config.ConsensusBaseSeconds + config.ConsensusPerValidatorSeconds * validators;
        _produceBlock = ProduceBlock;
        _finalizeBlock = FinalizeBlock;
        _finalizeOne = state => Finalize((Request)state!);
        if (IsBlocks) sim.Schedule(config.BlockIntervalSeconds, _produceBlock);
        sim.StatisticsReset += _ => BlocksProduced = ItemsIncluded = 0;
    }

    public bool IsBlocks => _config.Mode == "blocks";
    public double ConsensusLatencySeconds { get; }

    /// <summary>Items verified but not yet in a block.</summary>
    public int Pending => _pending.Count;

    /// <summary>Items in a block whose consensus (or challenge window) has not ended.</summary>
    public int AwaitingFinality { get; private set; }

    public long BlocksProduced { get; private set; }
    public long ItemsIncluded { get; private set; }
    public int BlockCapacity => _config.BlockCapacity;

    public void Submit(Request request)
    {
        if (IsBlocks) _pending.Enqueue(request);
        else
        {
            request.IncludedSeconds = _sim.Now;
            AwaitingFinality++;
            Finalize(request);
        }
    }

    private void ProduceBlock(object? _)
    {
        int take = Math.Min(_pending.Count, _config.BlockCapacity);
        if (take > 0)
        {
            var block = new Request[take]; // one small array per block, not per request
            for (int i = 0; i < take; i++)
            {
                Request r = _pending.Dequeue();
                r.IncludedSeconds = _sim.Now;
                block[i] = r;
            }
            AwaitingFinality += take;
            ItemsIncluded += take;
            _sim.Schedule(ConsensusLatencySeconds, _finalizeBlock, block);
        }
        BlocksProduced++;
        _sim.Schedule(_config.BlockIntervalSeconds, _produceBlock);
    }

    private void FinalizeBlock(object? state)
    {
        foreach (Request r in (Request[])state!) Finalize(r);
    }

    private void Finalize(Request request)
    {
        if (request.Path == VerificationPath.ZkCrv && !request.Challenged)
        {
            // Optimistic: nobody can trust the answer before the challenge window has passed unchallenged.
            // At the window's end this runs again with Now == windowEnd and falls through.
            double windowEnd = request.InferenceEndSeconds + _challengeWindowSeconds;
            if (windowEnd > _sim.Now)
            {
                _sim.ScheduleAt(windowEnd, _finalizeOne, request);
                return;
            }
        }
        AwaitingFinality--;
        request.FinalSeconds = _sim.Now;
        _onFinal(request);
    }
}
