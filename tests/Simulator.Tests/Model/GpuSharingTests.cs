using HacaSim.Tests.Engine;

namespace HacaSim.Tests.Model;

/// <summary>
/// GPU sharing between inference and proofs, and the central pool queue, through the whole model: each
/// against an exact queueing result within a 99% replication interval (seeds 1..n are independent runs).
/// </summary>
public class GpuSharingTests
{
    private static string Colocated(string sharing, double lambda, double proofMean) => $$"""
        run: {duration_s: 40000, warmup_s: 2000}
        traffic:
          arrival: {process: poisson, rate: {{lambda}}}
          classes:
            - {name: job, inference_s: {dist: exponential, mean: 1}, paths: {zkml: 1} }
        paths:
          zkml: {proof_s: {dist: exponential, mean: {{proofMean}}}, verify_s: 0}
          vanilla: {sign_s: 0, verify_s: 0}
        pools:
          inference: {nodes: 1, slots: 1, sharing: {{sharing}}}
          verification: {nodes: 1, slots: 1}
        verification: {replication: 1}
        settlement: {mode: instant}
        """;

    private static double MeanResultLatency(ModelRun run, double warmup) =>
        run.Requests.Where(r => r.ArrivalSeconds >= warmup && !double.IsNaN(r.ResultSeconds))
            .Average(r => r.ResultSeconds - r.ArrivalSeconds);

    [Test]
    public void Preemptive_sharing_gives_answers_the_MM1_response_of_inference_alone_under_proof_load()
    {
        // Inference: lambda 0.5, mu 1; every request's proof is exponential, mean 0.8 (proof load 0.4, total 0.9).
        // Preemptive-resume: answers never wait for proofs, so result latency = 1 / (mu - lambda) = 2.
        var runs = Enumerable.Range(1, 8).Select(seed => MeanResultLatency(ModelRun.Of(Colocated("preemptive", 0.5, 0.8), (ulong)seed), 2000));
        TheoryAssert.Agrees("answer latency, preemptive (M/M/1 of inference alone)", 2, runs, 0.06);
    }

    [Test]
    public void Inference_first_sharing_gives_answers_Cobhams_wait()
    {
        // Non-preemptive priority M/G/1: W0 = sum lambda_i E[S_i^2] / 2 = (0.5 x 2 + 0.5 x 2 x 0.64) / 2 = 0.82;
        // answers wait W0 / (1 - 0.5) = 1.64 and respond in 2.64.
        double w0 = (0.5 * 2 + 0.5 * 2 * 0.64) / 2;
        var runs = Enumerable.Range(1, 8).Select(seed => MeanResultLatency(ModelRun.Of(Colocated("inference_first", 0.5, 0.8), (ulong)seed), 2000));
        TheoryAssert.Agrees("answer latency, inference_first (Cobham)", w0 / 0.5 + 1, runs, 0.06);
    }

    [TestCase("{dist: exponential, mean: 1}")]
    [TestCase("{dist: gamma, mean: 1, cv: 2}")]
    public void Processor_sharing_through_the_model_is_MG1_PS_for_a_request_whose_proof_follows_its_inference(string inference)
    {
        // One slot, processor sharing: inference and proofs share the node equally, and a request's proof joins the same
        // node the instant its inference ends, so the request is one M/G/1-PS job of work inference + proof (mean 1 + 1).
        // Insensitivity: arrival to proof ready = E[S] / (1 - rho) = 2 / (1 - 0.35 x 2) = 6.667, whatever the CV.
        string yaml = Colocated("processor", 0.35, 1).Replace("inference_s: {dist: exponential, mean: 1}", "inference_s: " + inference);
        double exact = 2 / (1 - 0.35 * 2);
        var runs = Enumerable.Range(1, 8).Select(seed => ModelRun.Of(yaml, (ulong)seed).Requests
            .Where(r => r.ArrivalSeconds >= 2000 && !double.IsNaN(r.ProofReadySeconds)).Average(r => r.ProofReadySeconds - r.ArrivalSeconds));
        TheoryAssert.Agrees($"arrival to proof ready, processor sharing (M/G/1-PS, inference {inference})", exact, runs, 0.08);
    }

    [Test]
    public void A_proof_alone_on_a_node_takes_its_exclusive_time_under_processor_sharing_and_slots_times_it_in_one_slot()
    {
        const string yaml = """
            run: {duration_s: 1000}
            traffic:
              arrival: {process: deterministic, rate: 0.002}
              classes:
                - {name: job, inference_s: 1, paths: {zkml: 1} }
            paths:
              zkml: {proof_s: 10, verify_s: 0}
            pools:
              inference: {nodes: 1, slots: 8, sharing: SHARING}
              verification: {nodes: 1, slots: 1}
            verification: {replication: 1}
            settlement: {mode: instant}
            network: {hop_latency_s: 0}
            """;
        double ProofTime(string sharing)
        {
            var r = ModelRun.Of(yaml.Replace("SHARING", sharing)).Requests.First();
            return r.ProofReadySeconds - r.ProofStartSeconds;
        }
        Assert.Multiple(() =>
        {
            Assert.That(ProofTime("processor"), Is.EqualTo(10).Within(1e-9), "an otherwise idle node proves at full speed");
            Assert.That(ProofTime("fifo"), Is.EqualTo(80).Within(1e-9), "one slot of eight is 1/8 of the GPU");
        });
    }

    private static string Mmc(string queue) => $$"""
        run: {duration_s: 30000, warmup_s: 2000}
        traffic:
          arrival: {process: poisson, rate: 3.6}
          classes:
            - {name: job, inference_s: {dist: exponential, mean: 1}, paths: {vanilla: 1} }
        paths:
          vanilla: {sign_s: 0, verify_s: 0}
        pools:
          inference: {nodes: 4, slots: 1, queue: {{queue}}, dispatcher: jsq}
          verification: {nodes: 1, slots: 1}
        verification: {replication: 1}
        settlement: {mode: instant}
        """;

    private static double MeanInferenceWait(ModelRun run) =>
        run.Requests.Where(r => r.ArrivalSeconds >= 2000 && !double.IsNaN(r.InferenceStartSeconds))
            .Average(r => r.InferenceStartSeconds - r.InferenceQueuedSeconds);

    [Test]
    public void A_central_queue_over_c_single_slot_nodes_is_MMc_and_per_node_JSQ_queues_are_no_better()
    {
        double exact = QueueingFormulas.MmcWq(3.6, 1, 4);
        var central = Enumerable.Range(1, 8).Select(seed => MeanInferenceWait(ModelRun.Of(Mmc("central"), (ulong)seed))).ToList();
        TheoryAssert.Agrees("inference wait, central queue (Erlang C, c = 4, rho = 0.9)", exact, central, 0.08);
        var perNode = Enumerable.Range(1, 8).Select(seed => MeanInferenceWait(ModelRun.Of(Mmc("per_node"), (ulong)seed))).ToList();
        TestContext.Out.WriteLine($"per-node JSQ wait {perNode.Average():G4} vs Erlang C {exact:G4}");
        Assert.That(perNode.Average(), Is.GreaterThan(central.Average()), "JSQ's per-node queues cannot beat one shared queue");
    }
}
