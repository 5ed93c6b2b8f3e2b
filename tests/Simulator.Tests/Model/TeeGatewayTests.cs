using HacaSim.Capacity;
using HacaSim.Catalog;
using HacaSim.Scenarios;
using HacaSim.Tests.Engine;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// The TEE gateway path: a call's slot time is the provider rate limiter's wait + time to first token + output
/// tokens x time per token + enclave overhead + signature, exactly; the limiter (one admission per 1 / provider_rps,
/// FIFO) is a deterministic-service queue, so under Poisson calls its wait is M/D/1's (Pollaczek-Khinchine).
/// </summary>
public class TeeGatewayTests
{
    private static string Gateway(string arrival, double rps, string ttft, string tpot, string outputTokens, string enclave, string sign,
        double duration, double warmup) => $$"""
        run: {duration_s: {{duration}}, warmup_s: {{warmup}}}
        traffic:
          arrival: {{arrival}}
          classes:
            - {name: chat, model: llm, output_tokens: {{outputTokens}}, paths: {tee: 1} }
        models:
          llm: {ttft_s: {{ttft}}, tpot_s: {{tpot}} }
        paths:
          tee: {verify_s: 0}
        pools:
          gateway: {kind: tee_gateway, nodes: 1, slots: 100000, provider_rps: {{rps}}, enclave_overhead_s: {{enclave}}, sign_s: {{sign}} }
          inference: {nodes: 1, slots: 1}
          verification: {nodes: 1, slots: 1}
        verification: {replication: 1}
        settlement: {mode: instant}
        """;

    private static List<double> ResultLatencies(ModelRun run, double warmup) =>
        run.Requests.Where(r => r.ArrivalSeconds >= warmup && !double.IsNaN(r.ResultSeconds)).OrderBy(r => r.ArrivalSeconds)
            .Select(r => r.ResultSeconds - r.ArrivalSeconds).ToList();

    [Test]
    public void A_calls_latency_is_the_sum_of_enclave_overhead_time_to_first_token_output_tokens_times_tpot_and_signing()
    {
        // One call every 10 s, far below the limit: no wait. 0.05 + 0.4 + 100 x 0.02 + 0.003 = 2.453 s, to the rounding of doubles.
        var run = ModelRun.Of(Gateway("{process: deterministic, rate: 0.1}", 1000, "0.4", "0.02", "100", "0.05", "0.003", 100, 0));
        var latencies = ResultLatencies(run, 0);
        Assert.That(latencies, Has.Count.GreaterThanOrEqualTo(9));
        Assert.That(latencies, Has.All.EqualTo(0.05 + 0.4 + 100 * 0.02 + 0.003).Within(1e-9));
        // The gateway's signature is the attestation: the proof is ready when the answer is.
        foreach (var r in run.Requests.Where(r => !double.IsNaN(r.ResultSeconds)))
            Assert.That(r.ProofReadySeconds, Is.EqualTo(r.ResultSeconds).Within(1e-9), $"request {r.Id}");
    }

    [Test]
    public void Calls_faster_than_the_provider_limit_are_admitted_one_per_spacing_in_arrival_order()
    {
        // Calls every 1/15 s against 10 per second: call k is admitted at k/10 (relative to the first), having arrived at k/15,
        // so it waits k/30 s longer than the first one.
        var run = ModelRun.Of(Gateway("{process: deterministic, rate: 15}", 10, "0.4", "0.02", "100", "0.05", "0.003", 20, 0));
        var latencies = ResultLatencies(run, 0);
        Assert.That(latencies, Has.Count.GreaterThanOrEqualTo(20));
        for (int k = 0; k < latencies.Count; k++)
            Assert.That(latencies[k] - latencies[0], Is.EqualTo(k / 30.0).Within(1e-9), $"call {k}");
    }

    [Test]
    public void The_provider_rate_limiter_under_Poisson_calls_waits_as_MD1()
    {
        // lambda 8, admissions spaced 1/10 s (D = 0.1, rho = 0.8): Wq = rho D / (2 (1 - rho)) = 0.2 s. Every other part of
        // the call is deterministic (1 s), and the 100,000 slots never queue, so result latency - 1 s is the limiter's wait.
        double rho = 0.8, d = 0.1, exact = rho * d / (2 * (1 - rho));
        var runs = Enumerable.Range(1, 8).Select(seed =>
            ResultLatencies(ModelRun.Of(Gateway("{process: poisson, rate: 8}", 10, "0.5", "0.005", "100", "0", "0", 20000, 1000), (ulong)seed), 1000)
                .Average() - 1.0);
        TheoryAssert.Agrees("provider limiter wait (M/D/1, rho = 0.8)", exact, runs, 0.05);
    }

    [Test]
    public void Capacity_gives_the_gateway_pool_the_providers_rho_and_its_knee()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryPaths.Root, "Scenarios", "tee-gateway.yaml"), []).Scenario;
        var report = CapacityModel.Analyse(scenario, ScenarioCatalogs.Default);
        PoolLoad gateway = report.Pools.Single(p => p.Name == "gateway");
        // 80% of 5.5 req/s are chat calls against 16.7 calls/s.
        Assert.Multiple(() =>
        {
            Assert.That(gateway.ProviderRho, Is.EqualTo(0.8 * 5.5 / 16.7).Within(1e-9));
            Assert.That(gateway.KneeArrivalRate, Is.EqualTo(16.7 / 0.8).Within(1e-9));
            Assert.That(gateway.Roles, Is.EqualTo(new[] { "gateway" }));
        });
    }
}
