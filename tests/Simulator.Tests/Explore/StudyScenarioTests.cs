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

    /// <summary>
    /// results/reproduce.sh's on/off bursts (its ONOFF override, read from the script): Poisson at on_rate during
    /// exponential on-periods, silence during off-periods. For this interrupted Poisson process the mean rate is
    /// on_rate x f (f = mean_on / (mean_on + mean_off)) and the inter-arrival squared CV is
    /// 1 + 2 x on_rate x mean_off^2 x mean_on / (mean_on + mean_off)^2 (Kuczura 1973); both must come out as the
    /// sampled arrival_rate and burst_cv.
    /// </summary>
    [TestCase("5.5", "13")]
    [TestCase("1", "2")]
    [TestCase("50", "7.3")]
    public void The_on_off_bursts_have_the_sampled_mean_rate_and_inter_arrival_CV(string rate, string cv)
    {
        string script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "results", "reproduce.sh"));
        var line = script.Split('\n').Single(l => l.StartsWith("ONOFF='", StringComparison.Ordinal));
        string onOff = line["ONOFF='".Length..line.LastIndexOf('\'')];
        var arrival = Load("haca.yaml", "burst_cv=" + cv, "arrival_rate=" + rate, onOff).Traffic.Arrival!;
        double on = arrival.Numbers["mean_on_s"], off = arrival.Numbers["mean_off_s"], lambda = arrival.Numbers["on_rate"];
        double r = double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);
        double c = double.Parse(cv, System.Globalization.CultureInfo.InvariantCulture);
        double scv = 1 + 2 * lambda * off * off * on / Math.Pow(on + off, 2);
        Assert.Multiple(() =>
        {
            Assert.That(arrival.Name, Is.EqualTo("onoff"));
            Assert.That(lambda * on / (on + off), Is.EqualTo(r).Within(1e-9 * r));
            Assert.That(Math.Sqrt(scv), Is.EqualTo(c).Within(1e-9 * c));
        });
    }
}
