using System.Text.Json;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>The chain through the CLI: summary.json's chain section, its stability and marks, and the report's chain section.</summary>
public class ChainOutputTests
{
    private static readonly string Gated = RepositoryPaths.Scenario("chain/gated-consensus.yaml");

    /// <summary>Issue 15's reviewer case: 8.5 s consensus, 20 items per block, 5.5 req/s; one height at a time cannot keep up, four can.</summary>
    [TestCase("1", false)]
    [TestCase("4", true)]
    public void Slow_consensus_is_reported_unstable_with_one_height_and_stable_with_four(string pipeline, bool stable)
    {
        var run = CliRun.Run(Gated, "--set", $"pipeline={pipeline}", "--replications", "1", "--duration", "2400", "--warmup", "300");
        JsonElement chain = run.Summary.GetProperty("chain");
        JsonElement vanilla = chain.GetProperty("paths").GetProperty("vanilla");
        Assert.Multiple(() =>
        {
            Assert.That(chain.GetProperty("pipeline").GetInt32(), Is.EqualTo(int.Parse(pipeline)));
            Assert.That(chain.GetProperty("stability").GetProperty("stable").GetBoolean(), Is.EqualTo(stable));
            Assert.That(run.Summary.GetProperty("stability").GetProperty("settlement").GetProperty("stable").GetBoolean(), Is.EqualTo(stable));
            Assert.That(vanilla.GetProperty("finality_delay_s").TryGetProperty("unstable", out _), Is.EqualTo(!stable));
            // One height at a time: a proposal every 8.5 s; four in flight: every max(2, 8.5/4) = 2.125 s on average.
            Assert.That(chain.GetProperty("block_cycle_s").GetProperty("mean").GetDouble(), Is.EqualTo(stable ? 2.125 : 8.5).Within(0.01));
            string report = File.ReadAllText(Path.Combine(run.OutDir, "report.md"));
            Assert.That(report, Does.Contain("## Chain"));
            Assert.That(report, Does.Contain($"Pipeline {pipeline} (blocks in consensus at once)"));
        });
    }
}
