using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Explore;

/// <summary>
/// The study's scenarios (Scenarios/study/, results/reproduce.sh) bind the inputs the explores sample the way
/// results/README.md says: H1's merged pool buys round(10 x cpu_gpu_ratio) extra GPUs for a continuous ratio, the
/// consensus model is a choice whose parameters reach the binder, and H4's batch never exceeds a block's items or
/// its gas limit at any corner of the sampled box.
/// </summary>
public class StudyScenarioTests
{
    private static Scenario Load(string file, params string[] overrides) =>
        ScenarioLoader.Load(RepositoryPaths.Scenario("study/" + file), overrides).Scenario;

    [TestCase("0.01", 24)]
    [TestCase("0.1", 25)]
    [TestCase("0.149", 25)]
    [TestCase("0.15", 26)]     // round(1.5) = 2: halves away from zero
    [TestCase("0.37", 28)]
    [TestCase("0.77", 32)]
    public void The_merged_pool_buys_the_nearest_whole_number_of_GPUs(string ratio, int nodes)
    {
        var pool = Load("haca-merged.yaml", "cpu_gpu_ratio=" + ratio).Pools["allround"];
        Assert.Multiple(() =>
        {
            Assert.That(pool.Nodes, Is.EqualTo(nodes));
            Assert.That(pool.TeeCapableNodes, Is.EqualTo(nodes - 12));
        });
    }

    [Test]
    public void The_consensus_model_is_a_choice_and_each_takes_its_own_parameters()
    {
        var linear = Load("haca.yaml", "consensus_model=linear", "consensus_phases=4").Settlement;
        var quorum = Load("haca.yaml", "consensus_model=quorum", "consensus_phases=4", "message_delay_s=0.03").Settlement;
        Assert.Multiple(() =>
        {
            Assert.That(linear.Consensus, Is.Null);
            Assert.That(linear.ConsensusBaseSeconds, Is.EqualTo(0.5));
            Assert.That(quorum.Consensus!.Model, Is.EqualTo(ConsensusModel.Quorum));
            Assert.That(quorum.Consensus.Phases, Is.EqualTo(4));
            Assert.That(quorum.Consensus.MessageDelaySeconds!.Numbers["mean"], Is.EqualTo(0.03));
        });
    }

    [TestCase("1", "250000", "0.2", "30000000", "500", 1)]
    [TestCase("100", "250000", "0.2", "30000000", "500", 100)]
    [TestCase("1000", "250000", "0.2", "30000000", "500", 500)]          // a block holds 500 items
    [TestCase("1000", "2800000", "0.5", "15000000", "5000", 10)]         // (15M - 50k) / 1,402,000 gas per item
    [TestCase("999.6", "210000", "0.05", "60000000", "5000", 1000)]
    public void A_batch_fits_a_block_and_its_gas_limit(string items, string proofGas, string zkml, string gasLimit, string capacity, int expected)
    {
        var s = Load("haca-batched.yaml", "batch_items=" + items, "proof_gas=" + proofGas, "zkml_share=" + zkml,
            "gas_limit=" + gasLimit, "block_capacity=" + capacity).Settlement;
        var batch = s.Batch!;
        Assert.Multiple(() =>
        {
            Assert.That(batch.MaxItems, Is.EqualTo(expected));
            Assert.That(batch.GasPerItem, Is.EqualTo(Math.Round(2000 + double.Parse(zkml, System.Globalization.CultureInfo.InvariantCulture)
                * double.Parse(proofGas, System.Globalization.CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero)));
            Assert.That(batch.GasBase + batch.GasPerItem * batch.MaxItems, Is.LessThanOrEqualTo(s.BlockGasLimit!.Value));
            Assert.That(batch.MaxItems, Is.LessThanOrEqualTo(s.BlockCapacity));
        });
    }
}
