using System.Text.Json;
using HacaSim.Scenarios;
using HacaSim.Tests.Cli;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Capacity;

/// <summary>summary.json's cost: node-seconds add up to the hardware paid for, and dollars follow from prices and throughput.</summary>
public class CostTests
{
    [Test]
    public void Node_seconds_and_dollars_add_up()
    {
        string scenario = TestScratch.NewPath("costs") + ".yaml";
        File.WriteAllText(scenario, File.ReadAllText(RepositoryPaths.Scenario("dedicated-provers.yaml"))
            + "\ncosts: {gpu_hour: 2.5, cpu_hour: 0.1, gas_price_gwei: 1, eth_usd: 3000}\n");
        var run = CliRun.Run(scenario, "--duration", "1200", "--replications", "2");
        JsonElement cost = run.Summary.GetProperty("cost");
        double window = cost.GetProperty("window_s").GetDouble();
        double Mean(JsonElement e, string key) => e.GetProperty(key).GetProperty("mean").GetDouble();
        Assert.Multiple(() =>
        {
            foreach (JsonProperty pool in cost.GetProperty("pools").EnumerateObject())
            {
                int nodes = pool.Value.GetProperty("nodes").GetInt32();
                Assert.That(Mean(pool.Value, "used_node_s") + Mean(pool.Value, "idle_node_s"), Is.EqualTo(nodes * window).Within(1e-6 * nodes * window), pool.Name);
            }
            // 8 inference + 16 prover GPUs at $2.5, 8 verification + 2 data CPU nodes at $0.1.
            JsonElement usd = cost.GetProperty("usd");
            Assert.That(usd.GetProperty("hardware_per_hour").GetDouble(), Is.EqualTo(24 * 2.5 + 10 * 0.1).Within(1e-9));
            // A risk-score ZKML request: a 5.5 s proof on a whole prover GPU (1 slot) + ~5.5 ms of inference on 1/8 of a GPU.
            Assert.That(cost.GetProperty("paths").GetProperty("zkml").GetProperty("gpu_s_per_request").GetDouble(), Is.EqualTo(5.5 + 0.0055 / 8).Within(1e-3));
            double settled = Mean(cost, "settled_per_s");
            long counted = 0;
            foreach (JsonProperty p in run.Summary.GetProperty("paths").EnumerateObject()) counted += p.Value.GetProperty("time_to_trust_s").ValueKind == JsonValueKind.Null ? 0 : 1;
            Assert.That(settled, Is.EqualTo(5.5).Within(0.5), "settled per second near the arrival rate of a stable run");
            Assert.That(Mean(usd, "network_per_hour"), Is.EqualTo(usd.GetProperty("hardware_per_hour").GetDouble() + Mean(usd, "gas_per_hour")).Within(1e-6));
        });
    }
}
