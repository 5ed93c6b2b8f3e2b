using HacaSim.Catalog;
using HacaSim.Model;
using YamlDotNet.RepresentationModel;
using static HacaSim.Scenarios.Loading.NumberRule;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Binds <c>settlement:</c> (the chain) with its documented defaults (Scenarios/README.md, sources in
/// docs/parameters.md "Settlement and consensus"). Checks within the section live here; those that need
/// other sections (paths' gas, placement, pools) in <see cref="ChainChecks"/>.
/// </summary>
internal sealed class SettlementBinder(ScenarioProblems problems, ComponentSpecReader specs)
{
    public static readonly string[] Keys =
    [
        "mode", "block_interval_s", "block_capacity", "consensus_base_s", "consensus_per_validator_s", "validators", "synchronous",
        "pipeline", "consensus", "block_gas_limit", "block_execution_budget_s", "batch", "order", "mempool_limit",
    ];

    private static readonly string[] Modes = ["blocks", "instant"];
    private static readonly string[] ConsensusKeys = ["model", "phases", "message_delay_s"];
    private static readonly string[] ConsensusModels = ["linear", "quorum"];
    private static readonly string[] LinearKeys = ["consensus_base_s", "consensus_per_validator_s"];
    private static readonly string[] BatchKeys = ["max_items", "max_wait_s", "gas_base", "gas_per_item", "aggregated", "aggregate_s"];
    private static readonly string[] Orders = ["fifo", "path_priority"];
    public const string Unbounded = "unbounded";

    public SettlementConfig Bind(MappingReader s)
    {
        var consensus = BindConsensus(s);
        return new SettlementConfig(
            s.Choice("mode", "blocks", Modes, "settlement mode") == "instant" ? SettlementMode.Instant : SettlementMode.Blocks,
            // Defaults: docs/parameters.md, "Settlement and consensus" (block interval 2 s, capacity 500, 0.5 s + 10 ms per validator).
            s.Number("block_interval_s", 2, Positive),
            s.Integer("block_capacity", 500, 1),
            s.Number("consensus_base_s", 0.5, NonNegative),
            s.Number("consensus_per_validator_s", 0.01, NonNegative),
            s.OptionalInteger("validators", 1),
            s.Flag("synchronous", false))
        {
            // One height at a time, as CometBFT/Tendermint and QBFT run (docs/parameters.md, "consensus: next height").
            Pipeline = Pipeline(s),
            Consensus = consensus,
            BlockGasLimit = s.OptionalInteger("block_gas_limit", 1),
            BlockExecutionBudgetSeconds = s.OptionalNumber("block_execution_budget_s", Positive),
            Batch = BindBatch(s.Child("batch", BatchKeys)),
            Order = s.Choice("order", "fifo", Orders, "mempool order") == "path_priority" ? MempoolOrder.PathPriority : MempoolOrder.Fifo,
            MempoolLimit = s.OptionalInteger("mempool_limit", 1),
        };
    }

    /// <summary>A whole number >= 1, or "unbounded" (null): the old model where consensus rounds overlap without limit.</summary>
    private int? Pipeline(MappingReader s)
    {
        if (s.Value("pipeline") is not { } node) return 1;
        if (node is YamlScalarNode { Value: Unbounded }) return null;
        if (node is YamlScalarNode v && !ScenarioProblems.IsNull(node) && !ScenarioProblems.TryNumber(v.Value, out _))
        {
            problems.Report(node, s.ChildPath("pipeline"), $"expected a whole number >= 1 or \"{Unbounded}\", found {ScenarioProblems.Describe(node)}");
            return 1;
        }
        int? depth = problems.Integer(node, s.ChildPath("pipeline"), 1);
        return depth ?? 1;
    }

    private ConsensusConfig? BindConsensus(MappingReader s)
    {
        if (!s.Has("consensus")) return null;
        var c = s.Child("consensus", ConsensusKeys);
        if (c.Node is null) return null;
        string model = c.Choice("model", "quorum", ConsensusModels, "consensus model");
        // With the model written out, the other model's keys may stay: a scenario that samples the model
        // (model: "${consensus_model}", results/reproduce.sh) carries both models' parameters and uses one.
        // Without it they are a mistake (a key that would change nothing), reported as such.
        // model: linear is always written out, so its phases and message_delay_s are such ignored keys.
        bool explicitModel = c.Has("model");
        if (model == "linear")
        {
            // The quorum keys are still checked, so that a sampled scenario is valid under either model.
            if (c.Has("phases")) c.Integer("phases", 3, 1);
            if (c.Value("message_delay_s") is { } ignored) specs.Distribution(ignored, c.ChildPath("message_delay_s"));
            return null;
        }
        foreach (string key in LinearKeys.Where(s.Has).Where(_ => !explicitModel))
            problems.Report(s.NodeFor(key), s.ChildPath(key),
                $"{key} only applies to the linear consensus model; settlement.consensus.model is quorum (phases, message_delay_s)");
        // Two voting phases (prevote/precommit in Tendermint, prepare/commit in QBFT) after the proposal: 3 message delays.
        int phases = c.Integer("phases", 3, 1);
        var delay = c.Value("message_delay_s") is { } node ? specs.Distribution(node, c.ChildPath("message_delay_s")) : null;
        // Default: exponential, mean 100 ms, an estimate of one WAN message between validators (docs/parameters.md).
        delay ??= new Catalog.ComponentSpec("exponential", new Dictionary<string, double> { ["mean"] = 0.1 }, new Dictionary<string, string>(),
            new Dictionary<string, IReadOnlyList<double>>(), problems.Default(c.ChildPath("message_delay_s")));
        return new ConsensusConfig(ConsensusModel.Quorum, phases, delay);
    }

    private SettlementBatchConfig? BindBatch(MappingReader b)
    {
        if (b.Node is null) return null;
        bool aggregated = b.Flag("aggregated", false);
        if (!aggregated && b.Has("aggregate_s"))
            problems.Report(b.NodeFor("aggregate_s"), b.ChildPath("aggregate_s"), "aggregate_s only applies with aggregated: true");
        // Gas: OpenGradient's batchSettle stores one Merkle root per batch; per item a leaf in calldata and an event
        // (estimates, docs/parameters.md "settlement batching"): 50k per batch, 2k per item.
        return new SettlementBatchConfig(
            b.Integer("max_items", 100, 1),
            b.Number("max_wait_s", 1, NonNegative),
            ScenarioBinder.Gas(b, "gas_base", 50_000),
            ScenarioBinder.Gas(b, "gas_per_item", 2_000),
            aggregated,
            // Estimate: one recursive-aggregation step per proof, ~1 s on a GPU prover (docs/parameters.md).
            b.Number("aggregate_s", 1, NonNegative));
    }
}
