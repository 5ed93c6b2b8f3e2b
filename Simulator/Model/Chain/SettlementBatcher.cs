using HacaSim.Engine;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Model.Chain;

/// <summary>
/// Groups ready items into one settlement transaction under a Merkle root (OpenGradient's
/// <c>batchSettle</c>): a batch closes at max_items, or max_wait_s after its first item. Its gas is
/// gas_base + gas_per_item x items. In block execution it costs the sum of its items' verify times, or with
/// recursive aggregation one ZKML verify for all its ZK proofs (signatures and attestations are still
/// checked one by one).
/// </summary>
public sealed class SettlementBatcher<TItem> where TItem : ISettlementItem
{
    private readonly Simulation _sim;
    private readonly SettlementBatchConfig _config;
    private readonly IDistribution _aggregateVerify;
    private readonly Action<SettlementTransaction<TItem>> _closed;
    private readonly Action<object?> _timeout;
    private List<TItem> _open = [];
    private double _verifySeconds;
    private bool _hasZkProof;
    private EventHandle _timer = EventHandle.None;

    public SettlementBatcher(Simulation sim, SettlementBatchConfig config, IDistribution aggregateVerify, Action<SettlementTransaction<TItem>> closed)
    {
        _sim = sim;
        _config = config;
        _aggregateVerify = aggregateVerify;
        _closed = closed;
        _timeout = _ => Close();
    }

    /// <summary>Items in the batch still open.</summary>
    public int Count => _open.Count;

    public void Add(TItem item, double verifySeconds)
    {
        _open.Add(item);
        if (_config.Aggregated && item.CarriesZkProof) _hasZkProof = true;
        else _verifySeconds += verifySeconds;
        if (_open.Count >= _config.MaxItems) Close();
        else if (_open.Count == 1) _timer = _sim.Schedule(_config.MaxWaitSeconds, _timeout);
    }

    private void Close()
    {
        _sim.Cancel(_timer);
        _timer = EventHandle.None;
        if (_open.Count == 0) return;
        double verify = _verifySeconds + (_hasZkProof ? _aggregateVerify.Sample() : 0);
        var tx = new SettlementTransaction<TItem>(_open, _config.GasBase + _config.GasPerItem * _open.Count, verify);
        _open = [];
        _verifySeconds = 0;
        _hasZkProof = false;
        _closed(tx);
    }
}
