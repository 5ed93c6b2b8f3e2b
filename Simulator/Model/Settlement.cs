using System.Runtime.CompilerServices;
using HacaSim.Engine;
using HacaSim.Model.Chain;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// The chain, as BFT chains run it. Ready items (verified off chain, or carrying their proof for on-chain
/// verification) enter the mempool, singly or in batches. A block is proposed at most every
/// block_interval_s and no earlier than allowed by the pipeline: with depth d at most d blocks are
/// uncommitted, so with 1 height h+1 is proposed at max(proposal of h + interval, commit of h) (CometBFT,
/// QBFT; chained HotStuff pipelines d > 1). A proposal takes transactions in mempool order while they fit
/// the block's item capacity, gas limit and execution budget; it commits after its execution (the sum of its
/// proofs' verify times, on chain) plus consensus. Empty blocks are proposed and agreed on too, as CometBFT
/// does by default. In instant mode an item is final as soon as it is ready. ZK-CRV items are final no
/// earlier than the end of their challenge window.
/// </summary>
public sealed class Settlement
{
    private readonly Simulation _sim;
    private readonly SettlementConfig _config;
    private readonly PathsConfig _paths;
    private readonly IConsensusLatency _consensus;
    private readonly Action<Request> _onFinal;
    private readonly Action<Request, string> _onRejected;
    private readonly Mempool<Request> _mempool;
    private readonly SettlementBatcher<Request>? _batcher;
    private readonly Action<object?> _proposeDue, _commit, _finalizeOne, _finalAfterVerify;
    private readonly double _challengeWindowSeconds;
    private readonly bool _onchain;
    private int _uncommitted;
    private bool _waitingForCommit;
    private double _lastProposalSeconds = double.NaN;
    private readonly Stack<List<Request>> _freeLists = new();
    private readonly Stack<SettlementTransaction<Request>> _freeTransactions = new();

    public Settlement(Simulation sim, Scenario scenario, IConsensusLatency consensus, IDistribution aggregateVerify,
        Action<Request> onFinal, Action<Request, string> onRejected)
    {
        _sim = sim;
        _config = scenario.Settlement;
        _paths = scenario.Paths;
        _consensus = consensus;
        _onFinal = onFinal;
        _onRejected = onRejected;
        _challengeWindowSeconds = scenario.Paths.ZkCrv.ChallengeWindowSeconds;
        _onchain = scenario.Verification.Placement == VerificationPlacement.Onchain;
        _mempool = new Mempool<Request>(_config.Order);
        if (_config.Batch is { } batch) _batcher = new SettlementBatcher<Request>(sim, batch, aggregateVerify, Enqueue);
        _proposeDue = ProposeDue;
        _commit = Commit;
        _finalizeOne = state => Finalize((Request)state!);
        _finalAfterVerify = state => FinalizeInstant((Request)state!);
        if (IsBlocks) sim.Schedule(_config.BlockIntervalSeconds, _proposeDue);
        sim.StatisticsReset += now =>
        {
            BlocksProduced = ItemsIncluded = 0;
            Metrics.Reset(now);
        };
    }

    public bool IsBlocks => _config.Mode == SettlementMode.Blocks;

    /// <summary>Mean consensus time of a block.</summary>
    public double ConsensusLatencySeconds => _consensus.MeanSeconds;

    /// <summary>
    /// The expected time between proposals with an idle mempool: the interval, or the consensus (and with
    /// depth d, a d-th of it) when consensus is slower: the policies' estimate.
    /// </summary>
    public double CycleEstimateSeconds => _config.Pipeline is { } d
        ? Math.Max(_config.BlockIntervalSeconds, _consensus.MeanSeconds / d) : _config.BlockIntervalSeconds;

    /// <summary>Items ready but not yet in a block (in the mempool or an open batch).</summary>
    public int Pending => _mempool.Items + (_batcher?.Count ?? 0);

    /// <summary>Items in the mempool.</summary>
    public int MempoolItems => _mempool.Items;

    /// <summary>Items in a block whose consensus (or challenge window) has not ended.</summary>
    public int AwaitingFinality { get; private set; }

    public long BlocksProduced { get; private set; }
    public long ItemsIncluded { get; private set; }
    public int BlockCapacity => _config.BlockCapacity;
    public ChainMetrics Metrics { get; } = new();

    /// <summary>An item is ready for the chain; <paramref name="verifySeconds"/> is its proof's cost in block execution (0 off chain).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Submit(Request request, double verifySeconds = 0)
    {
        request.ChainReadySeconds = _sim.Now;
        if (!IsBlocks)
        {
            AwaitingFinality++;
            if (verifySeconds > 0) _sim.Schedule(verifySeconds, _finalAfterVerify, request);
            else FinalizeInstant(request);
            return;
        }
        if (_batcher is not null)
        {
            _batcher.Add(request, verifySeconds);
            return;
        }
        long gas = GasOf(request);
        // Only a path the traffic was not declared to use can get here (the loader checks the others).
        if (gas > _config.BlockGasLimit) _onRejected(request, "exceeds_block_gas_limit");
        else
        {
            // A block took the transactions on the free stack and copied their items: they can carry this one.
            SettlementTransaction<Request> tx;
            if (_freeTransactions.Count > 0) (tx = _freeTransactions.Pop()).Refill(request, gas, verifySeconds);
            else tx = new SettlementTransaction<Request>(request, gas, verifySeconds);
            Enqueue(tx);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FinalizeInstant(Request request)
    {
        request.IncludedSeconds = _sim.Now;
        if (_onchain)
        {
            request.VerifyStartSeconds = request.ChainReadySeconds;
            request.VerifiedSeconds = _sim.Now;
        }
        Finalize(request);
    }

    private long GasOf(Request r) => r.Path switch
    {
        VerificationPath.Zkml => _paths.Zkml.SettleGas,
        VerificationPath.Tee => _paths.Tee.SettleGas,
        VerificationPath.ZkCrv => r.Challenged ? _paths.Zkml.SettleGas : _paths.ZkCrv.SettleGas,
        _ => _paths.Vanilla.SettleGas,
    };

    /// <summary>A transaction enters the mempool, unless it is full: then its items fail (counted, not lost).</summary>
    private void Enqueue(SettlementTransaction<Request> tx)
    {
        if (_config.MempoolLimit is { } limit && _mempool.Items + tx.Items.Count > limit)
        {
            foreach (Request r in tx.Items)
            {
                Metrics.Rejected++;
                _onRejected(r, "mempool_full");
            }
            return;
        }
        _mempool.Add(tx);
        Metrics.OnMempool(_sim.Now, _mempool.Items);
    }

    /// <summary>The interval has passed: propose now, or when the pipeline has room (at the next commit).</summary>
    private void ProposeDue(object? _)
    {
        if (_config.Pipeline is { } depth && _uncommitted >= depth) _waitingForCommit = true;
        else Propose();
    }

    private void Propose()
    {
        double now = _sim.Now;
        // A block's item list lives until its commit; with pipelining several are open at once. Lists come back
        // to a free stack at the commit instead of one new list per block.
        List<Request> items = _freeLists.Count > 0 ? _freeLists.Pop() : [];
        long gas = 0;
        double execution = 0;
        while (_mempool.Peek() is { } tx)
        {
            if (items.Count + tx.Items.Count > _config.BlockCapacity) break;
            if (gas + tx.Gas > _config.BlockGasLimit) break;
            // The first transaction always fits the budget: a proof slower than the budget executes alone.
            if (items.Count > 0 && execution + tx.VerifySeconds > _config.BlockExecutionBudgetSeconds) break;
            _mempool.Take();
            items.AddRange(tx.Items);
            gas += tx.Gas;
            execution += tx.VerifySeconds;
            if (tx.IsSingle)
            {
                // Nothing else holds a transaction once its items are in the block: keep it for the next submission.
                tx.Clear();
                _freeTransactions.Push(tx);
            }
        }
        if (items.Count > 0) Metrics.OnMempool(now, _mempool.Items);
        if (!_onchain) execution = 0;
        double executed = now + execution;
        foreach (Request r in items)
        {
            if (_onchain)
            {
                // Every validator re-executes the block: the proofs are verified one after another inside it,
                // and the block is proposed for votes once executed.
                r.VerifyStartSeconds = now;
                r.VerifiedSeconds = executed;
            }
            r.IncludedSeconds = executed;
            Metrics.Inclusion(r.Path).Record(now - r.ChainReadySeconds);
        }
        Metrics.OnBlock(items.Count, gas, execution, now - _lastProposalSeconds);
        _lastProposalSeconds = now;
        AwaitingFinality += items.Count;
        ItemsIncluded += items.Count;
        BlocksProduced++;
        _uncommitted++;
        _sim.Schedule(execution + _consensus.Sample(), _commit, items);
        _sim.Schedule(_config.BlockIntervalSeconds, _proposeDue);
    }

    private void Commit(object? state)
    {
        _uncommitted--;
        var items = (List<Request>)state!;
        foreach (Request r in items) Finalize(r);
        items.Clear();
        _freeLists.Push(items);
        if (!_waitingForCommit) return;
        _waitingForCommit = false;
        Propose();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        Metrics.Finality(request.Path).Record(_sim.Now - request.ChainReadySeconds);
        _onFinal(request);
    }

    /// <summary>The run ended: close the time-weighted statistics.</summary>
    public void Finish() => Metrics.Finish(_sim.Now);
}
