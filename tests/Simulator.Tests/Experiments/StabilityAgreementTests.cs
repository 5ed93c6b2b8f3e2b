using System.Text.Json;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments;

/// <summary>
/// One place judges (issue 14): a sweep point's sweep.csv row and its own summary.json say the same about every
/// backlog's stability, the chain included, in instant and in block settlement; and the "unstable" marks on
/// statistics follow the three-state verdict, not a separate vote.
/// </summary>
public class StabilityAgreementTests
{
    private static readonly string Baseline = RepositoryPaths.Scenario("baseline.yaml");

    // From well below the knee to far above it (baseline's analytic knee is about 19 req/s), and in block mode
    // blocks small enough that the chain itself saturates at the highest rate.
    [TestCase("instant")]
    [TestCase("blocks")]
    public void Sweep_csv_and_each_points_summary_agree_on_stability(string mode)
    {
        string[] chain = mode == "blocks" ? ["--set", "settlement.block_capacity=20"] : [];
        var run = ExperimentRun.Execute("sweep", Baseline, ["--param", "arrival_rate=4,16,40", "--replications", "2", "--duration", "900",
            "--warmup", "100", "--set", $"settlement.mode={mode}", .. chain, "--quiet"]);
        var rows = ExperimentRun.Csv(run, "sweep.csv");
        Assert.That(rows, Has.Count.EqualTo(3));
        for (int i = 0; i < rows.Count; i++)
        {
            JsonElement summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutDir, "points", $"{i}", "summary.json"))).RootElement;
            JsonElement stability = summary.GetProperty("stability");
            var backlogs = stability.EnumerateObject().Select(p => p.Name).ToList();
            Assert.That(backlogs, Does.Contain("settlement"));
            foreach (string backlog in backlogs)
            {
                JsonElement judged = stability.GetProperty(backlog);
                string where = $"{mode}, point {i} ({rows[i]["arrival_rate"]} req/s), {backlog}";
                Assert.That(rows[i]["stable_" + backlog], Is.EqualTo(judged.GetProperty("stable").GetBoolean() ? "true" : "false"), where);
                Assert.That(rows[i]["verdict_" + backlog], Is.EqualTo(judged.GetProperty("verdict").GetString()), where);
                if (backlog != "settlement" && summary.GetProperty("pools").GetProperty(backlog).GetProperty("wait_s") is { ValueKind: JsonValueKind.Object } wait)
                    Assert.That(wait.TryGetProperty("unstable", out _), Is.EqualTo(judged.GetProperty("verdict").GetString() == "unstable"),
                        where + ": the wait's unstable mark follows the verdict");
            }
        }
    }
}
