namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Checks of the chain that span sections: a block must be able to hold every transaction the traffic can
/// send (gas), a batch must fit a block, on-chain verification takes no replication factor and needs a
/// validator count, and keys that only apply on chain are not given off chain.
/// </summary>
internal sealed class ChainChecks(ScenarioProblems problems, IReadOnlyDictionary<string, PoolConfig> pools)
{
    public void Check(MappingReader settlement, SettlementConfig config, MappingReader verification, VerificationConfig placement,
        PathsConfig paths, MappingReader pathsReader, RolesConfig roles, TrafficBinder.BoundTraffic traffic)
    {
        bool onchain = placement.Placement == VerificationPlacement.Onchain;
        var batch = settlement.Child("batch", null);
        if (config.Batch is { } b && b.MaxItems > config.BlockCapacity)
            problems.Report(batch.NodeFor("max_items"), batch.ChildPath("max_items"),
                $"a batch of {b.MaxItems} items cannot fit a block of block_capacity {config.BlockCapacity}; allowed: 1 to {config.BlockCapacity}");
        if (config.Batch is { Aggregated: true } && !onchain)
            problems.Report(batch.NodeFor("aggregated"), batch.ChildPath("aggregated"),
                "aggregated: true only applies with verification.placement: onchain (it replaces per-proof verification in block execution)");
        if (config.BlockExecutionBudgetSeconds is not null && !onchain)
            problems.Report(settlement.NodeFor("block_execution_budget_s"), settlement.ChildPath("block_execution_budget_s"),
                "block_execution_budget_s only applies with verification.placement: onchain (off chain, blocks execute no proofs)");
        // "all" says what on-chain placement does anyway; a number would promise an off-chain subset.
        if (onchain && placement.Replication is not null)
            problems.Report(verification.NodeFor("replication"), verification.ChildPath("replication"),
                $"replication {placement.Replication} does not apply with placement: onchain: every validator verifies every proof in block execution; " +
                "remove replication (or write all), or use placement: offchain");
        if (onchain && config.Validators is null && !pools.ContainsKey(roles.Verification))
            problems.Report(settlement.Anchor, settlement.ChildPath("validators"),
                $"missing; with placement: onchain and no verification pool \"{roles.Verification}\", say how many validators run the chain (a whole number >= 1)");
        if (config.BlockGasLimit is { } limit) GasFits(settlement, config, limit, paths, pathsReader, traffic);
    }

    /// <summary>The most expensive transaction the traffic can send must fit an empty block, or it would wait for ever.</summary>
    private void GasFits(MappingReader settlement, SettlementConfig config, long limit, PathsConfig paths, MappingReader pathsReader,
        TrafficBinder.BoundTraffic traffic)
    {
        var node = settlement.NodeFor("block_gas_limit");
        string where = settlement.ChildPath("block_gas_limit");
        if (config.Batch is { } b)
        {
            long full = b.GasBase + b.GasPerItem * b.MaxItems;
            if (full > limit)
                problems.Report(node, where,
                    $"{limit} gas cannot hold a full batch: gas_base {b.GasBase} + gas_per_item {b.GasPerItem} x max_items {b.MaxItems} = {full}; allowed: >= {full}");
            return;
        }
        var used = traffic.Classes.SelectMany(c => c.Config.PathWeights.Where(w => w.Value > 0).Select(w => w.Key)).ToHashSet();
        if (used.Contains(VerificationPath.ZkCrv) && paths.ZkCrv.ChallengeProbability > 0) used.Add(VerificationPath.Zkml);
        foreach (VerificationPath path in VerificationPaths.All.Where(used.Contains))
        {
            long gas = Gas(paths, path);
            if (gas > limit)
                problems.Report(node, where,
                    $"{limit} gas is smaller than one {path.Key()} item (paths.{path.Key()}.settle_gas {gas}), so a block could never hold it; " +
                    $"allowed: >= {gas}, or lower paths.{path.Key()}.settle_gas");
        }
    }

    private static long Gas(PathsConfig paths, VerificationPath path) => path switch
    {
        VerificationPath.Zkml => paths.Zkml.SettleGas,
        VerificationPath.Tee => paths.Tee.SettleGas,
        VerificationPath.ZkCrv => paths.ZkCrv.SettleGas,
        _ => paths.Vanilla.SettleGas,
    };
}
