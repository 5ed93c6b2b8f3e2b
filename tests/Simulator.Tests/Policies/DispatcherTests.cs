using System.Text.Json;
using HacaSim.Scenarios;
using HacaSim.Tests.Experiments;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Policies;

/// <summary>
/// Dispatchers on four single-slot nodes at 90% load (exponential service, mean 1 s), compared on common
/// random numbers: random makes four M/M/1 queues (mean wait 9 s); JSQ pools them nearly into one M/M/4.
/// </summary>
public class DispatcherTests
{
    [Test]
    public void Jsq_beats_random_p2c_gets_most_of_the_gain_and_lwl_is_no_worse_than_jsq()
    {
        var run = ExperimentRun.Execute("compare", RepositoryPaths.Scenario("validation/mmc.yaml"), "--quiet",
            "--set", "servers=1", "--set", "pools.inference.nodes=4", "--set", "arrival_rate=3.6",
            "--duration", "4000", "--warmup", "400", "--replications", "8",
            "--variant", "jsq:pools.inference.dispatcher=jsq", "--variant", "random:pools.inference.dispatcher=random",
            "--variant", "p2c:pools.inference.dispatcher=p2c", "--variant", "lwl:pools.inference.dispatcher=lwl");
        JsonElement wait = ExperimentRun.Json(run, "comparison.json").GetProperty("metrics").GetProperty("pools.inference.wait_s");
        (double Mean, double Ci) Diff(string variant)
        {
            JsonElement d = wait.GetProperty(variant).GetProperty("diff_to_baseline");
            return (d.GetProperty("mean").GetDouble(), d.GetProperty("ci95").GetDouble());
        }
        var random = Diff("random");
        var p2c = Diff("p2c");
        var lwl = Diff("lwl");
        Assert.Multiple(() =>
        {
            Assert.That(random.Mean - random.Ci, Is.GreaterThan(0), $"random waits longer than JSQ: {random}");
            Assert.That(p2c.Mean + p2c.Ci, Is.LessThan(0.5 * (random.Mean - random.Ci)), $"p2c closes most of the gap: {p2c} vs {random}");
            Assert.That(lwl.Mean - lwl.Ci, Is.LessThan(0), $"least work left, knowing the work, is no worse than JSQ: {lwl}");
        });
    }
}
