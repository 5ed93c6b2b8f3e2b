using System.Runtime.CompilerServices;
using HacaSim.Catalog;
using HacaSim.Engine;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using HacaSim.Workload;

namespace HacaSim.Model;

/// <summary>
/// Turns arrival processes into requests until the run's end. With a common process, each arrival's
/// class is drawn by share; a class with its own process is fed by it alone. Every per-request random
/// quantity is drawn here from the class's own streams, in a fixed order and whatever path the request
/// will take, so variants that change a policy or a pool see exactly the same requests.
/// </summary>
public sealed class TrafficSource
{
    private readonly Simulation _sim;
    private readonly RequestLifecycle _lifecycle;
    private readonly double _endSeconds;
    private readonly IReadOnlyList<ClassDraws> _classes;
    private long _nextId;

    public TrafficSource(Simulation sim, Scenario scenario, RequestLifecycle lifecycle, RandomStreams streams, ScenarioCatalogs catalogs)
    {
        _sim = sim;
        _lifecycle = lifecycle;
        _endSeconds = scenario.Run.DurationSeconds;
        _classes = scenario.Traffic.Classes.Select((c, i) => new ClassDraws(i, c, scenario, streams, catalogs)).ToList();

        var shared = _classes.Where(c => c.Config.Arrival is null).ToList();
        if (shared.Count > 0)
        {
            IArrivalProcess process = catalogs.Arrivals.Create(scenario.Traffic.Arrival!, streams.Stream("arrivals"));
            Start(process, new ClassChooser(shared, streams.Stream("traffic/class")));
        }
        foreach (ClassDraws c in _classes.Where(c => c.Config.Arrival is not null))
            Start(catalogs.Arrivals.Create(c.Config.Arrival!, streams.Stream($"arrivals/{c.Config.Name}")), new ClassChooser([c], null));
    }

    public IReadOnlyList<RequestClass> Classes => _classes.Select(c => c.Class).ToList();

    private void Start(IArrivalProcess process, ClassChooser chooser)
    {
        Action<object?>? fire = null;
        Arrival pending = process.Next();
        fire = _ =>
        {
            _lifecycle.Admit(chooser.Choose().Create(_lifecycle.Requests, _nextId++, pending, _sim.Now));
            // Poisson, the process of most scenarios, called by type: inlined, where an interface call is a dispatch stub in
            // the Native AOT binary (no profile to guard it). The same draws either way.
            pending = process is PoissonArrivals poisson ? poisson.Next() : process.Next();
            if (pending.TimeSeconds <= _endSeconds) _sim.ScheduleAt(pending.TimeSeconds, fire!);
        };
        if (pending.TimeSeconds <= _endSeconds) _sim.ScheduleAt(pending.TimeSeconds, fire);
    }

    /// <summary>Picks the class of an arrival of a shared process, by share.</summary>
    private sealed class ClassChooser(IReadOnlyList<ClassDraws> classes, Random? rng)
    {
        private readonly double _total = classes.Sum(c => c.Config.Share);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ClassDraws Choose()
        {
            if (rng is null || classes.Count == 1) return classes[0];
            double u = Draw.Unit(rng) * _total;
            // By index: a foreach over the interface boxes the list's enumerator, one allocation per arrival (issue 19).
            for (int i = 0; i < classes.Count; i++)
            {
                ClassDraws c = classes[i];
                u -= c.Config.Share;
                if (u < 0 && c.Config.Share > 0) return c;
            }
            return classes.Last(c => c.Config.Share > 0);
        }
    }

    /// <summary>A class with its streams: the draws that make one of its requests.</summary>
    private sealed class ClassDraws
    {
        private readonly Random _coins;
        private readonly IDistribution _dataLatency;
        private readonly IDistribution? _proofSeconds;
        private readonly double _proofOverhead;

        public ClassDraws(int index, RequestClassConfig config, Scenario scenario, RandomStreams streams, ScenarioCatalogs catalogs)
        {
            Config = config;
            string prefix = $"class/{config.Name}";
            IInferenceCost cost;
            ComponentSpec? proof = scenario.Paths.Zkml.ProofSeconds;
            ModelProfile? model = config.Model is { } modelName ? scenario.Models[modelName] : null;
            if (model?.Provider is { } provider)
            {
                // An external provider's LLM through the TEE gateway: its measured latency, never proven.
                cost = new ProviderInference(catalogs.Distributions.Create(provider.TtftSeconds, streams.Stream($"{prefix}/ttft")),
                    catalogs.Distributions.Create(provider.TpotSeconds, streams.Stream($"{prefix}/tpot")),
                    catalogs.Distributions.Create(config.OutputTokens!, streams.Stream($"{prefix}/output_tokens")));
            }
            else if (model?.InferenceSeconds is { } fixedCost)
            {
                // A classical model from models: (or the profile catalogue): a fixed cost, as inference_s on the class.
                cost = new FixedCostInference(catalogs.Distributions.Create(fixedCost, streams.Stream($"{prefix}/inference")));
                proof = model.ProofSeconds ?? proof;
            }
            else if (model is not null)
            {
                cost = new TokenInference(model.PrefillTokensPerSecond, model.DecodeSecondsPerToken,
                    catalogs.Distributions.Create(config.PromptTokens!, streams.Stream($"{prefix}/prompt_tokens")),
                    catalogs.Distributions.Create(config.OutputTokens!, streams.Stream($"{prefix}/output_tokens")));
                proof = model.ProofSeconds ?? proof;
            }
            else cost = new FixedCostInference(catalogs.Distributions.Create(config.InferenceSeconds!, streams.Stream($"{prefix}/inference")));
            _coins = streams.Stream($"{prefix}/coins");
            _dataLatency = catalogs.Distributions.Create(scenario.Data.ExternalLatency, streams.Stream($"{prefix}/data"));
            _proofSeconds = proof is null ? null : catalogs.Distributions.Create(proof, streams.Stream($"{prefix}/proof"));
            _proofOverhead = scenario.Paths.Zkml.ProofOverheadFactor;
            ChallengeProbability = scenario.Paths.ZkCrv.ChallengeProbability;
            Class = new RequestClass(index, config.Name, cost, config.NeedsDataProbability, config.DeadlineSeconds, config.PathWeights, _coins,
                config.TimeoutSeconds)
            {
                MeanProofWorkSeconds = _proofSeconds?.Mean ?? _proofOverhead * cost.MeanSeconds,
                // A stream of its own, made only when the model has a verify time: other scenarios draw exactly as before.
                ZkmlVerify = model?.VerifySeconds is { } verify ? catalogs.Distributions.Create(verify, streams.Stream($"{prefix}/verify")) : null,
                TrustFloor = config.TrustFloor,
                ViaGateway = model?.Provider is not null,
                TrustValueUsd = config.TrustValueUsd,
                DelayCostUsdPerSecond = config.DelayCostUsdPerSecond,
            };
        }

        public RequestClassConfig Config { get; }
        public RequestClass Class { get; }
        private double ChallengeProbability { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Request Create(RequestPool requests, long id, Arrival arrival, double now)
        {
            Request r = requests.Rent(id, Class, now); // a settled request made new when there is one
            r.PromptTokens = arrival.PromptTokens;
            r.OutputTokens = arrival.OutputTokens;
            // A fixed cost (every classical model) called by type, as the arrival process above.
            r.InferenceWorkSeconds = Class.Cost is FixedCostInference fixedCost ? fixedCost.Draw(r) : Class.Cost.Draw(r);
            r.NeedsData = Draw.Unit(_coins) < Class.NeedsDataProbability;
            r.Challenged = Draw.Unit(_coins) < ChallengeProbability;
            // A class that never needs data never reads its fetch time: its data stream (its own, "class/NAME/data")
            // is then not drawn at all. Every other stream, and every other class's, draws exactly as before.
            if (Class.NeedsDataProbability > 0) r.DataWorkSeconds = _dataLatency.Sample();
            r.ProofWorkSeconds = _proofSeconds is null ? _proofOverhead * r.InferenceWorkSeconds : Draw.From(_proofSeconds);
            if (Class.DeadlineSeconds is { } d) r.DeadlineSeconds = now + d;
            return r;
        }
    }
}
