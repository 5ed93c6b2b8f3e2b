using HacaSim.Model.Chain;
using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using HacaSim.Tests.Engine;

namespace HacaSim.Tests.Model.Chain;

/// <summary>
/// The chain against exact results (issue 15, "Validation"): block heights gated by consensus, the
/// stability boundary, gas-limited blocks, quorum consensus, and on-chain verification. Tolerances are the
/// 99% replication intervals of <see cref="TheoryAssert"/>.
/// </summary>
public class ChainTheoryTests
{
    private const int Replications = 10;

    /// <summary>
    /// Deterministic interval T = 2 s and consensus C = 3 s, unlimited capacity, Poisson items: with one height
    /// at a time a block is proposed every max(T, C) = 3 s, so an item waits max(T, C)/2 = 1.5 s on average
    /// (uniform arrival within a cycle); overlapping rounds propose every T, a wait of T/2 = 1 s. Finality
    /// follows inclusion by exactly C.
    /// </summary>
    [TestCase("1", 1.5)]
    [TestCase("unbounded", 1.0)]
    public void Inclusion_delay_is_half_the_cycle_and_finality_adds_consensus(string pipeline, double inclusion)
    {
        const double consensus = 3;
        string yaml = ChainRun.Scenario(5,
            $"{{block_interval_s: 2, block_capacity: 100000, consensus_base_s: {consensus}, consensus_per_validator_s: 0, pipeline: {pipeline}}}");
        var reps = ChainRun.Replications(yaml, Replications);
        TheoryAssert.Agrees($"inclusion delay, pipeline {pipeline}", inclusion, reps.Select(r => r.Chain!.Inclusion(VerificationPath.Vanilla).Mean));
        TheoryAssert.Agrees($"finality delay, pipeline {pipeline}", inclusion + consensus, reps.Select(r => r.Chain!.Finality(VerificationPath.Vanilla).Mean));
        double cycle = pipeline == "1" ? 3 : 2;
        Assert.That(reps[0].Chain!.CycleSeconds.Mean, Is.EqualTo(cycle).Within(1e-9), "deterministic proposals every max(T, C) (or T when unbounded)");
    }

    /// <summary>
    /// K = 20 items per block, T = 2 s, C = 3 s, one height at a time: the chain carries at most K / max(T, C)
    /// = 6.67 items/s. Swept in steps of 0.5 items/s, the verdict must be "stable" up to the last grid rate a
    /// full step below that and "unstable" from the first a full step above; unbounded pipelining (K / T = 10/s)
    /// stays stable over the whole grid.
    /// </summary>
    [Test]
    public void Stability_flips_within_one_grid_step_of_capacity_over_the_cycle()
    {
        const double step = 0.5, threshold = 20.0 / 3;
        double[] rates = [5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5];
        const string chain = "block_interval_s: 2, block_capacity: 20, consensus_base_s: 3, consensus_per_validator_s: 0";
        foreach (double rate in rates)
        {
            bool gated = ChainRun.Run(ChainRun.Scenario(rate, $"{{{chain}, pipeline: 1}}", durationSeconds: 3000)).SettlementStability!.Stable;
            bool overlapped = ChainRun.Run(ChainRun.Scenario(rate, $"{{{chain}, pipeline: unbounded}}", durationSeconds: 3000)).SettlementStability!.Stable;
            TestContext.Out.WriteLine($"rate {rate}: pipeline 1 {(gated ? "stable" : "unstable")}, unbounded {(overlapped ? "stable" : "unstable")}");
            Assert.That(overlapped, Is.True, $"unbounded pipelining carries 10 items/s; {rate} must be stable");
            if (rate <= threshold - step) Assert.That(gated, Is.True, $"{rate} items/s is below {threshold:F2}: stable");
            if (rate >= threshold + step) Assert.That(gated, Is.False, $"{rate} items/s is above {threshold:F2}: unstable");
        }
    }

    /// <summary>
    /// The reviewer's case (issue 15): consensus 8.5 s, 20 items per block, 5.5 items/s. One height at a time
    /// carries 20 / 8.5 = 2.35 items/s: unstable. Four blocks in flight propose every max(2, 8.5/4) = 2.125 s,
    /// 9.4 items/s: stable.
    /// </summary>
    [TestCase(1, false)]
    [TestCase(4, true)]
    public void Slow_consensus_is_the_binding_limit_unless_pipelined(int pipeline, bool stable)
    {
        string yaml = ChainRun.Scenario(5.5,
            $"{{block_interval_s: 2, block_capacity: 20, consensus_base_s: 8.5, consensus_per_validator_s: 0, pipeline: {pipeline}}}", durationSeconds: 3600);
        var verdict = ChainRun.Run(yaml).SettlementStability!;
        TestContext.Out.WriteLine($"pipeline {pipeline}: stable {verdict.Stable}, growth {verdict.GrowthPerSecond:G4} ± {verdict.GrowthCi95:G3} items/s");
        Assert.That(verdict.Stable, Is.EqualTo(stable));
        // Unstable: the backlog grows at the arrival rate minus the chain's capacity, 5.5 - 20/8.5 = 3.15 items/s.
        if (!stable) Assert.That(Math.Abs(verdict.GrowthPerSecond - (5.5 - 20 / 8.5)), Is.LessThanOrEqualTo(Math.Max(verdict.GrowthCi95, 0.05 * 3.15)));
    }

    /// <summary>
    /// Gas: Vanilla items of 100k gas and ZKML items of 300k, half each, under a 1M block gas limit, overloaded
    /// so every block fills. A block takes items in order while they fit, so the item that does not fit opens
    /// the next block: the items per block follow a Markov chain on that head item, solved exactly below
    /// (4.65 items per block, not 1M / 200k = 5: the end of a block is wasted when a 300k item comes next). Throughput =
    /// mean items per block / cycle, the cycle being max(T, C) = 2 s; no block may exceed the limit.
    /// </summary>
    [Test]
    public void Gas_limited_blocks_never_exceed_the_limit_and_carry_the_exact_throughput()
    {
        const long limit = 1_000_000;
        string pathCosts = ChainRun.FreeVanilla.Replace("verify_s: 0}", "verify_s: 0, settle_gas: 100000}")
            + "  zkml: {proof_s: 0, verify_s: 0, settle_gas: 300000}\n";
        string yaml = ChainRun.Scenario(20,
            $"{{block_interval_s: 2, block_capacity: 1000, consensus_base_s: 1, consensus_per_validator_s: 0, block_gas_limit: {limit}}}",
            paths: "{vanilla: 1, zkml: 1}", pathCosts: pathCosts, durationSeconds: 2000, warmupSeconds: 100);
        var reps = ChainRun.Replications(yaml, Replications);
        double itemsPerBlock = GasMarkovChain.ItemsPerBlock([1, 3], [0.5, 0.5], 10);
        TheoryAssert.Agrees("items per block", itemsPerBlock, reps.Select(r => (double)r.Chain!.Items / r.Chain.Blocks), 0.02);
        TheoryAssert.Agrees("throughput (items/s)", itemsPerBlock / 2, reps.Select(r => r.Chain!.Items / 1900.0), 0.02);
        Assert.That(reps.Max(r => r.Chain!.MaxGas), Is.LessThanOrEqualTo(limit), "a block's gas never exceeds the limit");
        TestContext.Out.WriteLine($"largest block: {reps.Max(r => r.Chain!.MaxGas)} gas; mean {reps.Average(r => (double)r.Chain!.Gas / r.Chain.Blocks):F0}");
    }

    /// <summary>
    /// Quorum consensus: a phase ends at the k-th smallest of n exponential message delays, k = ceil(2n/3). Its
    /// mean is (1/rate) x sum_{i=0}^{k-1} 1/(n-i) (the exponential order statistics' Renyi representation).
    /// Checked on the component, and end to end: finality minus inclusion delay is the consensus time.
    /// </summary>
    [TestCase(4)]
    [TestCase(10)]
    [TestCase(100)]
    public void Quorum_phase_matches_the_exponential_order_statistic(int validators)
    {
        const double meanDelay = 0.1;
        int k = QuorumConsensus.QuorumSize(validators);
        Assert.That(k, Is.EqualTo((int)Math.Ceiling(2.0 * validators / 3)));
        double exact = meanDelay * Enumerable.Range(0, k).Sum(i => 1.0 / (validators - i));
        var batches = Enumerable.Range(0, Replications).Select(b =>
        {
            var quorum = new QuorumConsensus(3, validators, r => Distributions.Exponential(meanDelay, r), new Random(1000 + b));
            return Enumerable.Range(0, 2000).Average(_ => quorum.PhaseSeconds());
        });
        TheoryAssert.Agrees($"phase time, n = {validators}", exact, batches, 0.02);
    }

    [Test]
    public void Quorum_consensus_in_the_chain_takes_three_order_statistics()
    {
        const int n = 10;
        double exact = 3 * 0.1 * Enumerable.Range(0, QuorumConsensus.QuorumSize(n)).Sum(i => 1.0 / (n - i));
        string yaml = ChainRun.Scenario(5,
            $"{{block_interval_s: 2, block_capacity: 100000, validators: {n}, consensus: {{model: quorum, phases: 3, message_delay_s: {{dist: exponential, mean: 0.1}}}}}}");
        var reps = ChainRun.Replications(yaml, Replications);
        TheoryAssert.Agrees("finality - inclusion (consensus)", exact,
            reps.Select(r => r.Chain!.Finality(VerificationPath.Vanilla).Mean - r.Chain.Inclusion(VerificationPath.Vanilla).Mean), 0.02);
    }

    /// <summary>
    /// On-chain verification, fixed verify time v, one item per block, always a full mempool: a block executes
    /// for v, then takes consensus C, and the next height waits for the commit: cycle = max(T, v + C).
    /// Without a verification pool: the validators verify.
    /// </summary>
    [TestCase(1.0, 2.0)]
    [TestCase(3.0, 3.5)]
    public void Onchain_cycle_is_the_interval_or_execution_plus_consensus(double verifySeconds, double cycle)
    {
        string yaml = ChainRun.Scenario(5,
            "{block_interval_s: 2, block_capacity: 1, consensus_base_s: 0.5, consensus_per_validator_s: 0, validators: 4}",
            pathCosts: $"  vanilla: {{sign_s: 0, verify_s: {verifySeconds}}}\n", extra: "verification: {placement: onchain}", verification: "");
        var result = ChainRun.Run(yaml);
        var chain = result.Chain!;
        TestContext.Out.WriteLine($"v = {verifySeconds}: cycle {chain.CycleSeconds.Mean} s (expected {cycle}), execution {chain.ExecutionSeconds.Mean} s");
        Assert.Multiple(() =>
        {
            Assert.That(chain.CycleSeconds.Mean, Is.EqualTo(cycle).Within(1e-9));
            Assert.That(chain.CycleSeconds.Max, Is.EqualTo(cycle).Within(1e-9));
            Assert.That(chain.ExecutionSeconds.Mean, Is.EqualTo(verifySeconds).Within(1e-9));
            Assert.That(result.Pools.Select(p => p.Name), Is.EquivalentTo(new[] { "inference" }), "no verification pool");
        });
    }
}
