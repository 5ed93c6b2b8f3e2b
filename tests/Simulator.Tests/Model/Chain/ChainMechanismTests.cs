using HacaSim.Model;
using HacaSim.Scenarios;
using HacaSim.Tests.Engine;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace HacaSim.Tests.Model.Chain;

/// <summary>Batching, the mempool's limit and order, and recursive aggregation, against exact results where one exists.</summary>
public class ChainMechanismTests
{
    private const int Replications = 10;

    /// <summary>
    /// A batch closes max_wait_s = b after its first item (max_items never reached). With Poisson items at rate
    /// lambda it holds 1 + Poisson(lambda b) items whose waits sum to b + lambda b^2 / 2 on average, so an
    /// item waits (b + lambda b^2/2) / (1 + lambda b) for its batch; batch closes fall at uniform phases of
    /// the 2 s block grid (unlimited capacity, consensus shorter than the interval), adding T/2.
    /// </summary>
    [Test]
    public void Batched_items_wait_for_their_batch_then_half_an_interval()
    {
        const double lambda = 5, b = 1, interval = 2;
        string yaml = ChainRun.Scenario(lambda,
            "{block_interval_s: 2, block_capacity: 100000, consensus_base_s: 0.5, consensus_per_validator_s: 0, " +
            "batch: {max_items: 1000, max_wait_s: 1, gas_base: 50000, gas_per_item: 2000}}");
        var reps = ChainRun.Replications(yaml, Replications);
        double exact = (b + lambda * b * b / 2) / (1 + lambda * b) + interval / 2;
        TheoryAssert.Agrees("inclusion delay with batching", exact, reps.Select(r => r.Chain!.Inclusion(VerificationPath.Vanilla).Mean), 0.03);
        // Gas per block: 50k per batch (1 / (1 + lambda b) batches per item) + 2k per item.
        double gasPerItem = 50_000 / (1 + lambda * b) + 2_000;
        TheoryAssert.Agrees("gas per item", gasPerItem, reps.Select(r => (double)r.Chain!.Gas / r.Chain.Items), 0.03);
    }

    /// <summary>
    /// A full mempool rejects: K = 10 items per 2 s block (5 items/s) under 8 items/s, mempool_limit 50. The
    /// chain is always full, so in the long run it takes 5 items/s and the other 3/s fail with mempool_full.
    /// </summary>
    [Test]
    public void Beyond_the_mempool_limit_items_fail_at_the_excess_rate()
    {
        string yaml = ChainRun.Scenario(8,
            "{block_interval_s: 2, block_capacity: 10, consensus_base_s: 0.5, consensus_per_validator_s: 0, mempool_limit: 50}");
        var reps = ChainRun.Replications(yaml, Replications);
        TheoryAssert.Agrees("mempool_full rate (items/s)", 8 - 5.0, reps.Select(r => r.Chain!.Rejected / r.Chain.MeasuredSeconds), 0.03);
        Assert.Multiple(() =>
        {
            Assert.That(reps.All(r => r.Chain!.MempoolMax <= 50), "the mempool never holds more than its limit");
            Assert.That(reps.All(r => r.Metrics.FailedByReason["mempool_full"] >= r.Chain!.Rejected), "counted as failures");
            Assert.That(reps.All(r => r.Metrics.Arrived == r.Metrics.Settled + r.Metrics.Failed + r.Metrics.InFlight));
            Assert.That(reps.All(r => r.SettlementStability!.Stable), "a bounded mempool is a stable backlog");
        });
    }

    /// <summary>
    /// Path priority: ZKML and Vanilla items at 2 items/s each into 5 items/s of blocks (80% load). FIFO gives
    /// both the same inclusion delay; with path_priority ZKML (stronger trust) always goes first, so it waits
    /// for the next block only (T/2 = 1 s; at most 2 of the 10 slots' worth arrive per block) and Vanilla
    /// takes the rest of the wait.
    /// </summary>
    [Test]
    public void Path_priority_puts_stronger_trust_first()
    {
        const string paths = "{vanilla: 1, zkml: 1}";
        string costs = ChainRun.FreeVanilla + "  zkml: {proof_s: 0, verify_s: 0}\n";
        string Chain(string order) => $"{{block_interval_s: 2, block_capacity: 10, consensus_base_s: 0.5, consensus_per_validator_s: 0, order: {order}}}";
        var fifo = ChainRun.Replications(ChainRun.Scenario(4.5, Chain("fifo"), paths, costs), Replications);
        var priority = ChainRun.Replications(ChainRun.Scenario(4.5, Chain("path_priority"), paths, costs), Replications);
        double Zkml(ReplicationResult r) => r.Chain!.Inclusion(VerificationPath.Zkml).Mean;
        double Vanilla(ReplicationResult r) => r.Chain!.Inclusion(VerificationPath.Vanilla).Mean;
        // Under priority, ZKML (2.25/s, 4.5 per 2 s block against 10 slots) never waits more than one block.
        TheoryAssert.Agrees("ZKML inclusion delay, path_priority", 1.0, priority.Select(Zkml), 0.03);
        Assert.Multiple(() =>
        {
            Assert.That(priority.Average(Vanilla), Is.GreaterThan(fifo.Average(Vanilla)), "Vanilla waits longer behind ZKML");
            Assert.That(fifo.Average(Zkml), Is.GreaterThan(1.05), "under FIFO ZKML shares the wait");
            // Paired difference within each replication: 0 must lie inside its 99% interval.
            double[] d = fifo.Select(r => Zkml(r) - Vanilla(r)).ToArray();
            double halfWidth = StudentT.InvCDF(0, 1, d.Length - 1, 0.995) * d.StandardDeviation() / Math.Sqrt(d.Length);
            TestContext.Out.WriteLine($"FIFO: ZKML - Vanilla inclusion delay {d.Mean():G4} ± {halfWidth:G3}");
            Assert.That(Math.Abs(d.Mean()), Is.LessThanOrEqualTo(halfWidth), "under FIFO ZKML and Vanilla wait alike");
        });
    }

    /// <summary>
    /// Recursive aggregation on chain: ZKML proofs of 1 s verify time, batches of 10, blocks of 10 items: a
    /// non-aggregated block executes 10 proofs (10 s); an aggregated one verifies one proof (1 s). Each proof
    /// first costs an aggregation job of 0.5 s on the prover pool: its utilisation is lambda x 0.5 / slots.
    /// </summary>
    [TestCase(false, 10.0)]
    [TestCase(true, 1.0)]
    public void Aggregated_batches_execute_one_proof(bool aggregated, double execution)
    {
        string costs = ChainRun.FreeVanilla + "  zkml: {proof_s: 0, verify_s: 1}\n";
        string aggregation = aggregated ? ", aggregated: true, aggregate_s: 0.5" : "";
        string yaml = ChainRun.Scenario(4,
            "{block_interval_s: 2, block_capacity: 10, consensus_base_s: 0.5, consensus_per_validator_s: 0, validators: 4, " +
            $"batch: {{max_items: 10, max_wait_s: 1000{aggregation}}}}}",
            paths: "{zkml: 1}", pathCosts: costs,
            extra: "verification: {placement: onchain}\nroles: {prover: prover}",
            verification: "  prover: {nodes: 1, slots: 10}\n", durationSeconds: 1000);
        var reps = ChainRun.Replications(yaml, aggregated ? Replications : 1);
        Assert.That(reps[0].Chain!.ExecutionSeconds.Max, Is.EqualTo(execution).Within(1e-9), "a full block's execution");
        if (aggregated)
            TheoryAssert.Agrees("prover utilisation (aggregation jobs)", 4 * 0.5 / 10,
                reps.Select(r => r.Pools.Single(p => p.Name == "prover").Utilization), 0.03);
    }
}
