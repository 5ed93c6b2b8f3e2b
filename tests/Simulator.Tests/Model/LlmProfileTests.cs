using HacaSim.Catalog;
using HacaSim.Engine;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>
/// Each (model, GPU) profile of Scenarios/profiles/llm-profiles.yaml, loaded through a scenario's
/// <c>profile: NAME</c> and run on the batching node's station, reproduces its sources' own figures within
/// 10%, measured the way each source measured them. The source of each asserted number is named beside it.
/// </summary>
public class LlmProfileTests
{
    private const double Tolerance = 0.10;

    [Test]
    public void Llama8B_A100_single_sequence_decodes_at_75_tokens_per_second()
    {
        // johnmusgrave.com vLLM sweep on A100 40GB: ~75 tok/s decode at concurrency 1 (1024 in / 128 out).
        var run = new ClosedLoop(Profile("llama-3.1-8b-a100-40gb"), concurrency: 1, promptTokens: 1024, outputTokens: 128);
        double seconds = run.FirstCompletionSeconds();
        double decodeTokensPerSecond = 128 / (seconds - 1024 / run.Profile.PrefillTokensPerSecond);
        AssertWithin("decode tok/s, 8B on A100, concurrency 1 (johnmusgrave.com)", 75, decodeTokensPerSecond);
    }

    [Test]
    public void Llama8B_A100_gains_6_6x_throughput_at_concurrency_8()
    {
        // johnmusgrave.com vLLM sweep on A100 40GB: 6.6x the concurrency-1 throughput at concurrency 8 (1024 in / 128 out).
        ModelProfile profile = Profile("llama-3.1-8b-a100-40gb");
        double one = new ClosedLoop(profile, 1, 1024, 128).OutputTokensPerSecond();
        double eight = new ClosedLoop(profile, 8, 1024, 128).OutputTokensPerSecond();
        AssertWithin("throughput gain at concurrency 8, 8B on A100 (johnmusgrave.com)", 6.6, eight / one);
    }

    [Test]
    public void Llama8B_H100_peaks_at_12500_output_tokens_per_second_at_batch_256()
    {
        // morphllm.com/vllm-benchmarks: Llama 3.1 8B on 1x H100 80GB ~12,500 output tok/s. Decode-dominated
        // sequences (1-token prompts): the figure is a saturated decode rate; batch 256 = vLLM's default max_num_seqs.
        var run = new ClosedLoop(Profile("llama-3.1-8b-h100-80gb"), concurrency: 256, promptTokens: 1, outputTokens: 256);
        Assert.That(run.Batching.MaxBatch, Is.EqualTo(256));
        AssertWithin("output tok/s, 8B on H100, batch 256 (morphllm.com)", 12_500, run.OutputTokensPerSecond());
    }

    [Test]
    public void Llama70B_FP8_H100_gives_460_output_tokens_per_second_at_batch_64()
    {
        // morphllm.com/vllm-benchmarks: Llama 3.1 70B FP8 on 1x H100 80GB, 460 tok/s at batch size 64. 64 sequences of
        // 384 tokens fit the 4 GB of KV cache (26,214 tokens); the prompt is 1 token so decode dominates, as in the figure.
        var run = new ClosedLoop(Profile("llama-3.1-70b-fp8-h100-80gb"), concurrency: 64, promptTokens: 1, outputTokens: 383);
        AssertWithin("output tok/s, 70B FP8 on H100, batch 64 (morphllm.com)", 460, run.OutputTokensPerSecond());
        Assert.That(run.MaxInBatch, Is.EqualTo(64));
    }

    [Test]
    public void H100_serves_the_8B_model_about_twice_as_fast_as_A100()
    {
        // Lambda vLLM benchmark report: H100 ~2x the throughput of A100.
        double a100 = new ClosedLoop(Profile("llama-3.1-8b-a100-40gb"), 1, 1024, 128).OutputTokensPerSecond();
        double h100 = new ClosedLoop(Profile("llama-3.1-8b-h100-80gb"), 1, 1024, 128).OutputTokensPerSecond();
        AssertWithin("H100 / A100 throughput, 8B, concurrency 1 (Lambda)", 2, h100 / a100);
    }

    [Test]
    public void Llama8B_H100_time_per_output_token_matches_a_measured_6_48_ms()
    {
        // yobitelcomm.github.io/bench concurrency sweep: Llama-3.1-8B on H100-80GB, TPOT 6.48 ms at concurrency 1.
        var run = new ClosedLoop(Profile("llama-3.1-8b-h100-80gb"), 1, 1024, 128);
        double tpot = (run.FirstCompletionSeconds() - 1024 / run.Profile.PrefillTokensPerSecond) / 128;
        AssertWithin("TPOT s, 8B on H100, concurrency 1 (yobitelcomm)", 0.00648, tpot);
    }

    [Test]
    public void GPU_memory_bounds_the_70B_batch_below_max_batch_for_chat_length_sequences()
    {
        // 4 GB of KV cache / (1,366 tokens x 0.15625 MB) = 19 sequences of the Azure trace's mean length, though max_batch is 64.
        var run = new ClosedLoop(Profile("llama-3.1-70b-fp8-h100-80gb"), concurrency: 64, promptTokens: 1155, outputTokens: 211);
        run.OutputTokensPerSecond();
        Assert.That(run.MaxInBatch, Is.EqualTo(19));
    }

    [Test]
    public void The_classical_profile_is_a_fixed_cost_of_1_to_10_ms()
    {
        var scenario = Load("""
            traffic:
              arrival: {process: poisson, rate: 1}
              classes: [{name: c, model: m}]
            models:
              m: {profile: gbdt-risk-score}
            pools:
              inference: {nodes: 1}
              verification: {nodes: 1}
            """);
        var model = scenario.Models["m"];
        Assert.That(model.IsTokenBased, Is.False);
        var cost = ScenarioCatalogsCost(model);
        var values = Enumerable.Range(0, 1000).Select(_ => cost.Sample()).ToList();
        Assert.That(values, Has.All.InRange(0.001, 0.01)); // parameters.md: 1-10 ms (estimate)
    }

    [Test]
    public void Every_catalogue_profile_loads_and_a_local_key_overrides_the_profile()
    {
        foreach (string name in ModelProfileCatalog.Names().Where(n => n != "gbdt-risk-score"))
            Assert.That(Profile(name).Batching, Is.Not.Null, name);
        var scenario = Load(Scenario("llama-3.1-8b-a100-40gb", "decode_s_per_token: 0.02, max_batch: 4"));
        Assert.That(scenario.Models["m"].DecodeSecondsPerToken, Is.EqualTo(0.02));
        Assert.That(scenario.Models["m"].Batching!.MaxBatch, Is.EqualTo(4));
        Assert.That(scenario.Models["m"].Batching!.BatchSlowdown, Is.EqualTo(0.0303));
    }

    private static IDistribution ScenarioCatalogsCost(ModelProfile model) =>
        ScenarioCatalogs.Default.Distributions.Create(model.InferenceSeconds!, new Xoshiro256StarStar(1));

    private static void AssertWithin(string what, double source, double measured)
    {
        double error = (measured - source) / source;
        TestContext.Out.WriteLine($"{what}: source {source:G5}, model {measured:G5}, error {error:+0.0%;-0.0%}");
        Assert.That(Math.Abs(error), Is.LessThanOrEqualTo(Tolerance), $"{what}: source {source}, model {measured}");
    }

    private static string Scenario(string profile, string extra = "") => $$"""
        traffic:
          arrival: {process: poisson, rate: 1}
          classes: [{name: c, model: m, prompt_tokens: 10, output_tokens: 10}]
        models:
          m: {profile: {{profile}}{{(extra.Length > 0 ? ", " + extra : "")}}}
        pools:
          inference: {nodes: 1, slots: 8}
          verification: {nodes: 1}
        """;

    private static Scenario Load(string yaml) => ScenarioLoader.LoadText(yaml, "t.yaml", []).Scenario;

    private static ModelProfile Profile(string name) => Load(Scenario(name)).Models["m"];

    /// <summary>
    /// A closed loop of identical requests on one batching node (a pool of 8 slots unless the profile sets
    /// max_batch; here the batch is the concurrency): each completion is replaced at once by a new request.
    /// </summary>
    private sealed class ClosedLoop : ISharedRateClient<Request>
    {
        private readonly Simulation _sim = new();
        private readonly SharedRateStation<Request> _station;
        private readonly RequestClass _class;
        private readonly int _prompt, _output;
        private long _nextId, _completed;
        private double _firstCompletion = double.NaN;

        public ClosedLoop(ModelProfile profile, int concurrency, int promptTokens, int outputTokens)
        {
            Profile = profile;
            Batching = new ContinuousBatching(profile.Batching!, concurrency);
            _prompt = promptTokens;
            _output = outputTokens;
            var cost = new TokenInference(profile.PrefillTokensPerSecond, profile.DecodeSecondsPerToken,
                new DeterministicDistribution(promptTokens), new DeterministicDistribution(outputTokens));
            _class = new RequestClass(0, "c", cost, 0, null, new Dictionary<VerificationPath, double> { [VerificationPath.Vanilla] = 1 }, new Random(1));
            _station = new SharedRateStation<Request>(_sim, "gpu", Math.Min(concurrency, Batching.MaxBatch), Batching.RatePerSequence,
                Batching.KvCacheCapacityMb, new FifoDiscipline<Request>(), this);
            for (int i = 0; i < concurrency; i++) Submit();
        }

        public ModelProfile Profile { get; }
        public ContinuousBatching Batching { get; }
        public int MaxInBatch { get; private set; }

        public double FirstCompletionSeconds()
        {
            _sim.RunUntil(() => _completed > 0);
            return _firstCompletion;
        }

        /// <summary>Output tokens per second over 20 rounds of the loop.</summary>
        public double OutputTokensPerSecond()
        {
            long target = 20L * Math.Max(1, _station.Servers);
            _sim.RunUntil(() => _completed >= target);
            return _completed * (double)_output / _sim.Now;
        }

        private void Submit()
        {
            var request = new Request(_nextId++, _class, _sim.Now) { PromptTokens = _prompt, OutputTokens = _output, Stage = RequestStage.Inference };
            request.InferenceWorkSeconds = _class.Cost.Draw(request);
            _station.Arrive(request);
        }

        public double Work(Request job) => job.InferenceWorkSeconds;
        public double Demand(Request job) => Batching.KvCacheMb(job);
        public void OnServiceStart(Request job, double waitSeconds) => MaxInBatch = Math.Max(MaxInBatch, _station.Busy);

        public void OnDeparture(Request job, double serviceSeconds)
        {
            if (_completed++ == 0) _firstCompletion = _sim.Now;
            Submit();
        }
    }
}
