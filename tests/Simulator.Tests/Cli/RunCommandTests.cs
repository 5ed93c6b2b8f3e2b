using System.Text.Json;
using HacaSim.Scenarios;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

public class RunCommandTests
{
    // The network with a dedicated prover pool (the old baseline.yaml): these tests are about that pool and its numbers.
    private static readonly string Baseline = RepositoryPaths.Scenario("dedicated-provers.yaml");

    [Test]
    public void The_same_seed_gives_byte_identical_results_and_another_seed_does_not()
    {
        string[] args = ["--duration", "900", "--warmup", "100", "--log-requests", "--replications", "2"];
        var a = CliRun.Run(Baseline, args);
        var b = CliRun.Run(Baseline, [.. args, "--threads", "1"]);
        var c = CliRun.Run(Baseline, [.. args, "--seed", "2"]);
        Assert.Multiple(() =>
        {
            foreach (string file in new[] { "summary.json", "timeseries.csv", "proof_lag.csv", "requests.csv", "scenario.resolved.yaml" })
                Assert.That(b.Bytes(file), Is.EqualTo(a.Bytes(file)), $"{file} differs between identical runs");
            Assert.That(c.Bytes("summary.json"), Is.Not.EqualTo(a.Bytes("summary.json")));
            Assert.That(c.Bytes("timeseries.csv"), Is.Not.EqualTo(a.Bytes("timeseries.csv")));
        });
    }

    [Test]
    public void Every_request_is_counted_and_the_summary_has_the_contract_keys()
    {
        var run = CliRun.Run(Baseline, "--duration", "600", "--warmup", "60", "--log-requests");
        JsonElement s = run.Summary;
        JsonElement r = s.GetProperty("requests");
        long arrived = r.GetProperty("arrived").GetInt64();
        long settled = r.GetProperty("settled").GetInt64();
        long failed = r.GetProperty("failed").GetInt64();
        long inFlight = r.GetProperty("in_flight").GetInt64();
        long byReason = r.GetProperty("failed_by_reason").EnumerateObject().Sum(p => p.Value.GetInt64());
        string[] requestRows = File.ReadAllLines(Path.Combine(run.OutDir, "requests.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(arrived, Is.GreaterThan(3000), "5.5 req/s for 600 s");
            Assert.That(settled + failed + inFlight, Is.EqualTo(arrived));
            Assert.That(byReason, Is.EqualTo(failed));
            // One row per arrival: ended requests, and those still in flight at the end (outcome in_flight).
            Assert.That(requestRows.Length - 1, Is.EqualTo(arrived), "one row per request");
            Assert.That(requestRows.Count(l => l.Contains(",in_flight,", StringComparison.Ordinal)), Is.EqualTo(inFlight), "in-flight rows");
            foreach (string key in new[] { "scenario", "seed", "replications", "duration_s", "warmup_s", "requests", "pools", "paths", "stability" })
                Assert.That(s.TryGetProperty(key, out _), Is.True, key);
            JsonElement inference = s.GetProperty("pools").GetProperty("inference");
            foreach (string key in new[] { "utilization", "queue_length", "in_service", "wait_s", "service_s" })
                foreach (string stat in new[] { "mean", "ci95", "p50", "p95", "p99", "max" })
                    Assert.That(inference.GetProperty(key).TryGetProperty(stat, out _), Is.True, $"{key}.{stat}");
            JsonElement tee = s.GetProperty("paths").GetProperty("tee");
            Assert.That(tee.GetProperty("count").GetInt64(), Is.GreaterThan(0));
            Assert.That(tee.GetProperty("proof_lag_s").GetProperty("mean").GetDouble(), Is.GreaterThan(0));
            Assert.That(s.GetProperty("stability").GetProperty("verification").GetProperty("stable").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void Raising_the_ZKML_share_makes_the_prover_pool_unstable_and_more_provers_make_it_stable_again()
    {
        // Prover work per second (a speed-1 prover does 1 s of work per second per slot):
        //   risk-score ZKML proofs: share x 5.5 req/s x 1000 x uniform(1, 10) ms = share x 5.5 x 5.5 s;
        //   challenged ZK-CRV chat: (1 - share) x 5.5 x 0.1 (zkcrv weight) x 0.01 (challenges) x mean proof_s.
        double lognormalMean = 600 * Math.Exp(Math.Pow(Math.Log(900.0 / 600) / 2.3263, 2) / 2);
        double Work(double share) => share * 5.5 * 5.5 + (1 - share) * 5.5 * 0.1 * 0.01 * lognormalMean;
        double Proofs(double share) => share * 5.5 + (1 - share) * 5.5 * 0.1 * 0.01;
        Assert.That(Work(0.2) / 16, Is.LessThan(0.6), "baseline: 16 provers at rho ~0.55");
        Assert.That(Work(0.6) / 16, Is.GreaterThan(1.2), "heavy: rho ~1.25");
        Assert.That(Work(0.6) / 32, Is.LessThan(0.65), "heavy with 32 provers: rho ~0.6");
        // Backlog growth (proofs/s) = proof arrivals - proofs completed, and the provers complete
        // 16 / (mean work per proof) proofs per second when saturated.
        double expectedGrowth = Proofs(0.6) - 16 / (Work(0.6) / Proofs(0.6));

        string[] common = ["--duration", "3600", "--warmup", "300"];
        JsonElement Stability(CliRun run) => run.Summary.GetProperty("stability").GetProperty("prover");
        var baseline = CliRun.Run(Baseline, common);
        var heavy = CliRun.Run(Baseline, [.. common, "--set", "zkml_share=0.6"]);
        var heavyMoreProvers = CliRun.Run(Baseline, [.. common, "--set", "zkml_share=0.6", "--set", "prover_nodes=32"]);
        JsonElement growth = Stability(heavy).GetProperty("backlog_growth_per_s");
        TestContext.Out.WriteLine($"expected growth {expectedGrowth:F3}/s, measured {growth.GetProperty("mean").GetDouble():F3} ± {growth.GetProperty("ci95").GetDouble():F3}");
        Assert.Multiple(() =>
        {
            Assert.That(Stability(baseline).GetProperty("stable").GetBoolean(), Is.True, "baseline");
            Assert.That(Stability(heavy).GetProperty("stable").GetBoolean(), Is.False, "heavy ZKML");
            Assert.That(growth.GetProperty("mean").GetDouble() - growth.GetProperty("ci95").GetDouble(), Is.GreaterThan(0), "growth CI above 0");
            Assert.That(growth.GetProperty("mean").GetDouble(), Is.EqualTo(expectedGrowth).Within(0.3 * expectedGrowth), "growth vs hand calculation");
            Assert.That(Stability(heavyMoreProvers).GetProperty("stable").GetBoolean(), Is.True, "heavy ZKML, 32 provers");
            Assert.That(heavy.Summary.GetProperty("stability").GetProperty("inference").GetProperty("stable").GetBoolean(), Is.True,
                "answers keep up while proofs do not");
        });
    }

    [Test]
    public void A_bounded_queue_rejects_and_the_counts_still_balance()
    {
        var run = CliRun.Run(RepositoryPaths.Scenario("validation/mmc.yaml"), "--set", "arrival_rate=6", "--set", "servers=4",
            "--set", "pools.inference.queue_capacity=3", "--duration", "2000", "--warmup", "0", "--replications", "1");
        JsonElement r = run.Summary.GetProperty("requests");
        Assert.Multiple(() =>
        {
            Assert.That(r.GetProperty("failed_by_reason").GetProperty("rejected_inference").GetInt64(), Is.GreaterThan(100));
            Assert.That(r.GetProperty("settled").GetInt64() + r.GetProperty("failed").GetInt64() + r.GetProperty("in_flight").GetInt64(),
                Is.EqualTo(r.GetProperty("arrived").GetInt64()));
        });
    }

    [Test]
    public void Synchronous_settlement_holds_the_answer_until_final()
    {
        string[] common = ["--duration", "600", "--warmup", "60"];
        var async = CliRun.Run(Baseline, common);
        var sync = CliRun.Run(Baseline, [.. common, "--set", "settlement.synchronous=true"]);
        JsonElement tee(CliRun run) => run.Summary.GetProperty("paths").GetProperty("tee");
        Assert.Multiple(() =>
        {
            Assert.That(tee(sync).GetProperty("proof_lag_s").GetProperty("max").GetDouble(), Is.EqualTo(0));
            Assert.That(tee(sync).GetProperty("result_latency_s").GetProperty("mean").GetDouble(),
                Is.EqualTo(tee(sync).GetProperty("time_to_trust_s").GetProperty("mean").GetDouble()).Within(1e-9));
            Assert.That(tee(async).GetProperty("result_latency_s").GetProperty("mean").GetDouble(),
                Is.LessThan(tee(sync).GetProperty("result_latency_s").GetProperty("mean").GetDouble() - 0.5),
                "asynchrony returns answers at least half a second sooner (a block interval of 2 s)");
        });
    }
}
