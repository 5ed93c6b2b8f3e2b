using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>A batching inference pool inside the whole network: it is used, it conserves requests, memory rejects what never fits.</summary>
public class BatchingNetworkTests
{
    private const string Yaml = """
        parameters: {slowdown: 0.1, output: 100}
        run: {duration_s: 2000, warmup_s: 100}
        traffic:
          arrival: {process: poisson, rate: 2}
          classes:
            - {name: chat, model: m, prompt_tokens: 10, output_tokens: "${output}"}
        models:
          m: {prefill_tokens_per_s: 10000, decode_s_per_token: 0.01, batch_slowdown: "${slowdown}", max_batch: 4,
              gpu_memory_gb: 2, weights_gb: 1, kv_cache_mb_per_token: 1}
        pools:
          inference: {nodes: 2, slots: 1}
          verification: {nodes: 1, slots: 1}
        settlement: {mode: instant}
        """;

    private static ReplicationResult Run(params string[] overrides)
    {
        Scenario scenario = ScenarioLoader.LoadText(Yaml, "t.yaml", overrides).Scenario;
        return new HacaNetwork(scenario, 0, new RandomStreams(3).ForReplication(0), ScenarioCatalogs.Default).Run();
    }

    [Test]
    public void The_inference_pool_batches_max_batch_sequences_per_node_and_conserves_requests()
    {
        ReplicationResult r = Run();
        PoolResult inference = r.Pools.Single(p => p.Name == "inference");
        Assert.That(inference.Slots, Is.EqualTo(8), "2 nodes x max_batch 4, not the pool's 1 slot");
        Assert.That(r.Metrics.Arrived, Is.EqualTo(r.Metrics.Settled + r.Metrics.Failed + r.Metrics.InFlight));
        Assert.That(r.Metrics.Failed, Is.Zero);
        Assert.That(r.Metrics.Settled, Is.GreaterThan(3000));
    }

    [Test]
    public void A_larger_slowdown_raises_latency_on_the_same_requests()
    {
        double fast = Run("slowdown=0").Metrics.Path(VerificationPath.Vanilla).ResultLatency.Mean;
        double slow = Run("slowdown=0.3").Metrics.Path(VerificationPath.Vanilla).ResultLatency.Mean;
        Assert.That(slow, Is.GreaterThan(fast * 1.2));
    }

    [Test]
    public void A_request_whose_KV_cache_exceeds_the_GPU_memory_fails_as_rejected()
    {
        // 1 GB of KV cache = 1,024 tokens at 1 MB each; 10 + 2,000 tokens never fit.
        ReplicationResult r = Run("output=2000");
        Assert.That(r.Metrics.FailedByReason.GetValueOrDefault("rejected_inference"), Is.EqualTo(r.Metrics.Arrived));
    }
}
