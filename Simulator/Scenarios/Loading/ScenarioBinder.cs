using HacaSim.Catalog;
using HacaSim.Model;
using YamlDotNet.RepresentationModel;
using static HacaSim.Scenarios.Loading.NumberRule;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Turns a resolved scenario tree into the immutable records, filling in the documented defaults
/// (Scenarios/README.md) and reporting every problem to <see cref="ScenarioProblems"/>. Traffic and the
/// checks that span sections live in <see cref="TrafficBinder"/> and <see cref="ScenarioChecks"/>.
/// </summary>
internal sealed class ScenarioBinder(ScenarioProblems problems, ScenarioCatalogs catalogs, InputCache files)
{
    public static readonly string[] TopLevelKeys =
        ["name", "description", "parameters", "run", "traffic", "models", "pools", "roles", "paths", "verification", "settlement", "data", "network", "policy", "faults", "variants", "costs"];
    internal static readonly string[] CostsKeys = ["gpu_hour", "cpu_hour", "gas_price_gwei", "eth_usd"];

    internal static readonly string[] RunKeys = ["duration_s", "warmup_s", "replications", "seed", "sample_interval_s", "max_waiting"];
    public static readonly string[] ModelKeys =
    [
        "profile", "prefill_tokens_per_s", "decode_s_per_token", "inference_s", "proof_s",
        "batch_slowdown", "max_batch", "gpu_memory_gb", "weights_gb", "kv_cache_mb_per_token",
        "proof_system", "parameters", "extrapolate", "verify_s", "ttft_s", "tpot_s",
    ];

    private static readonly string[] ProviderKeys = ["ttft_s", "tpot_s"];

    private static readonly string[] TokenKeys = ["prefill_tokens_per_s", "decode_s_per_token"];
    private static readonly string[] BatchingKeys = ["batch_slowdown", "max_batch", "gpu_memory_gb", "weights_gb", "kv_cache_mb_per_token"];
    private static readonly string[] MemoryKeys = ["gpu_memory_gb", "weights_gb", "kv_cache_mb_per_token"];
    internal static readonly string[] PoolKeys =
    [
        "nodes", "slots", "speed", "tee_capable", "dispatcher", "discipline", "queue_capacity", "queue", "sharing", "proof_slot_factor",
        "kind", "provider_rps", "enclave_overhead_s", "sign_s",
    ];
    internal static readonly string[] PoolKinds = ["compute", "tee_gateway"];
    private static readonly string[] GatewayOnlyKeys = ["provider_rps", "enclave_overhead_s", "sign_s"];
    // A gateway node is an enclave that forwards calls: no GPU to share, no proofs, every node a TEE, provider time not scaled by CPU speed.
    private static readonly string[] NotOnGatewayKeys = ["sharing", "proof_slot_factor", "tee_capable", "speed"];
    internal static readonly string[] QueueModes = ["per_node", "central"];
    internal static readonly string[] SharingModes = ["fifo", "inference_first", "preemptive", "processor", "reserved: K"];
    internal static readonly string[] RoleKeys = ["inference", "verification", "data", "prover", "gateway"];
    internal static readonly string[] PathKeys = ["zkml", "tee", "zkcrv", "vanilla"];
    internal static readonly string[] ZkmlKeys = ["proof_overhead", "proof_s", "verify_s", "settle_gas"];
    internal static readonly string[] TeeKeys = ["inference_overhead", "attest_s", "verify_s", "settle_gas"];
    internal static readonly string[] ZkCrvKeys = ["challenge_probability", "challenge_window_s", "verify_s", "settle_gas"];
    internal static readonly string[] VanillaKeys = ["sign_s", "verify_s", "settle_gas"];
    internal static readonly string[] VerificationKeys = ["replication", "placement"];
    internal static readonly string[] SettlementModes = ["blocks", "instant"];
    internal static readonly string[] Placements = ["offchain", "onchain"];
    internal static readonly string[] DataKeys = ["enclave_overhead", "external_latency_s", "timeout_s"];
    internal static readonly string[] NetworkKeys = ["hop_latency_s"];

    private readonly ComponentSpecReader _specs = new(problems, catalogs, files);

    /// <summary>The scenario, meaningful only when no problem was reported.</summary>
    public Scenario Bind(YamlMappingNode root, string defaultName)
    {
        var top = new MappingReader(problems, root, "", root, TopLevelKeys);
        string name = top.Text("name", defaultName, "a scenario name");
        string description = top.Text("description", "", "a description");
        var run = BindRun(top.Child("run", RunKeys));
        var models = BindModels(top.Child("models", null));
        var pools = BindPools(top);
        var traffic = new TrafficBinder(problems, _specs).Bind(top);
        var roles = top.Child("roles", RoleKeys);
        var rolesConfig = new RolesConfig(
            roles.Text("inference", "inference", "a pool name"),
            roles.Text("verification", "verification", "a pool name"),
            roles.Text("data", "data", "a pool name"),
            roles.OptionalText("prover", "a pool name")) { Gateway = roles.Text("gateway", "gateway", "a pool name") };
        SharingPools(top, pools, rolesConfig);
        var paths = BindPaths(top.Child("paths", PathKeys));
        var verification = top.Child("verification", VerificationKeys);
        var verificationConfig = new VerificationConfig(Replication(verification))
        {
            Placement = verification.Choice("placement", "offchain", Placements, "verification placement") == "onchain"
                ? VerificationPlacement.Onchain : VerificationPlacement.Offchain,
        };
        var settlementReader = top.Child("settlement", SettlementBinder.Keys);
        var settlement = new SettlementBinder(problems, _specs).Bind(settlementReader);
        var data = BindData(top.Child("data", DataKeys));
        var network = top.Child("network", NetworkKeys);
        var networkConfig = new NetworkConfig(Distribution(network, "hop_latency_s", 0));
        var policy = top.Value("policy") is { } p ? _specs.Policy(p, "policy") : null;
        policy ??= ComponentSpecReader.Default(new ComponentSpec("static", new Dictionary<string, double>(), new Dictionary<string, string>(),
            new Dictionary<string, IReadOnlyList<double>>(), problems.Default("policy")), catalogs.PathPolicies);

        var faults = new FaultsBinder(problems, _specs).Bind(top.Child("faults", FaultsBinder.Keys), pools);

        var checks = new ScenarioChecks(problems, pools, models);
        checks.Roles(roles, rolesConfig, traffic, verificationConfig.Placement);
        checks.Classes(traffic, rolesConfig);
        checks.Replication(verification, verificationConfig, rolesConfig);
        new ChainChecks(problems, pools).Check(settlementReader, settlement, verification, verificationConfig, paths, top.Child("paths", PathKeys), rolesConfig, traffic);
        checks.Policy(policy, traffic, catalogs);
        new GatewayChecks(problems, pools, models).Check(roles, rolesConfig, traffic, policy, faults);

        return new Scenario(name, description, run, new TrafficConfig(traffic.Arrival, traffic.Classes.Select(c => c.Config).ToList()),
            models, pools, rolesConfig, paths, verificationConfig, settlement, data, networkConfig, policy, faults,
            top.Has("costs") ? BindCosts(top.Child("costs", CostsKeys)) : null);
    }

    private RunConfig BindRun(MappingReader run)
    {
        double duration = run.Number("duration_s", 3600, Positive);
        double warmup = run.Number("warmup_s", 0, NonNegative);
        int replications = run.Integer("replications", 1, 1);
        ulong seed = run.Value("seed") is { } s ? problems.Seed(s, run.ChildPath("seed")) ?? 1 : 1;
        // 360 rows per run by default: fine enough for a time-series plot, small enough to keep.
        double sampleInterval = run.Number("sample_interval_s", duration / 360, Positive);
        if (warmup >= duration)
            problems.Report(run.NodeFor("warmup_s"), run.ChildPath("warmup_s"),
                $"warmup {ParameterExpression.Format(warmup)} s must be shorter than duration_s {ParameterExpression.Format(duration)} s");
        return new RunConfig(duration, warmup, replications, seed, sampleInterval,
            run.Integer("max_waiting", RunConfig.DefaultMaxWaitingPerPool, 1));
    }

    private Dictionary<string, ModelProfile> BindModels(MappingReader models)
    {
        var result = new Dictionary<string, ModelProfile>(StringComparer.Ordinal);
        foreach (var (name, _, value) in models.Entries)
        {
            var model = new MappingReader(problems, value, models.ChildPath(name), value, ModelKeys);
            model.OptionalText("profile", "a profile name"); // expanded by ModelProfileCatalog before binding
            // proof_system, parameters and extrapolate were used by ProofSystemCatalog before binding; alone they would change nothing.
            if (!model.Has("proof_system"))
                foreach (string key in new[] { "parameters", "extrapolate" }.Where(model.Has))
                    problems.Report(model.NodeFor(key), model.ChildPath(key), $"{key} only applies with proof_system: NAME (a system of {ProofSystemCatalog.FileName})");
            if (ProviderKeys.Any(model.Has))
            {
                result[name] = BindProviderModel(name, model);
                continue;
            }
            if (model.Has("inference_s"))
            {
                // A classical model: a fixed cost per request, no tokens, no batching.
                foreach (string key in TokenKeys.Concat(BatchingKeys).Where(model.Has))
                    problems.Report(model.NodeFor(key), model.ChildPath(key),
                        $"{key} only applies to a token-based model (prefill_tokens_per_s, decode_s_per_token); this model has inference_s (a fixed cost)");
                result[name] = new ModelProfile(name, double.NaN, double.NaN, OptionalDistribution(model, "proof_s"))
                    { InferenceSeconds = OptionalDistribution(model, "inference_s"), VerifySeconds = OptionalDistribution(model, "verify_s") };
                continue;
            }
            result[name] = new ModelProfile(name,
                model.RequiredNumber("prefill_tokens_per_s", Positive, "prompt tokens processed per second on a speed-1 node, or inference_s for a fixed-cost model"),
                model.RequiredNumber("decode_s_per_token", Positive, "seconds per output token on a speed-1 node, or inference_s for a fixed-cost model"),
                OptionalDistribution(model, "proof_s"),
                BindBatching(model)) { VerifySeconds = OptionalDistribution(model, "verify_s") };
        }
        return result;
    }

    /// <summary>
    /// A model an external LLM provider serves through a tee_gateway pool: its time to first token and time per output
    /// token. GPU keys (a profile's token rates, batching, memory) and proof keys describe work the gateway never does.
    /// </summary>
    private ModelProfile BindProviderModel(string name, MappingReader model)
    {
        foreach (string key in ProviderKeys.Where(k => !model.Has(k)))
            problems.Report(model.Anchor, model.ChildPath(key),
                $"missing; a provider model (served through a tee_gateway pool) needs both {string.Join(" and ", ProviderKeys)} (distributions in seconds)");
        foreach (string key in ModelKeys.Except(ProviderKeys).Where(model.Has))
            problems.Report(model.NodeFor(key), model.ChildPath(key),
                $"{key} does not apply to a provider model (ttft_s, tpot_s): its answer comes from an external provider through a tee_gateway pool, " +
                "not from a GPU profile, and cannot be proven; allowed keys: ttft_s, tpot_s");
        var ttft = OptionalDistribution(model, "ttft_s") ?? _specs.Deterministic(0, model.ChildPath("ttft_s"));
        var tpot = OptionalDistribution(model, "tpot_s") ?? _specs.Deterministic(0, model.ChildPath("tpot_s"));
        return new ModelProfile(name, double.NaN, double.NaN, null) { Provider = new ProviderModelConfig(ttft, tpot) };
    }

    /// <summary>Continuous batching: on when batch_slowdown is given; memory needs all three of its keys.</summary>
    private BatchingConfig? BindBatching(MappingReader model)
    {
        if (!model.Has("batch_slowdown"))
        {
            foreach (string key in BatchingKeys.Where(model.Has))
                problems.Report(model.NodeFor(key), model.ChildPath(key),
                    $"{key} only applies with continuous batching; add batch_slowdown (>= 0; 0 = no slowdown) to enable it");
            return null;
        }
        double slowdown = model.Number("batch_slowdown", 0, NonNegative);
        int? maxBatch = model.OptionalInteger("max_batch", 1);
        var given = MemoryKeys.Where(model.Has).ToList();
        if (given.Count == 0) return new BatchingConfig(slowdown, maxBatch, null);
        if (given.Count < MemoryKeys.Length)
        {
            foreach (string key in MemoryKeys.Except(given))
                problems.Report(model.Anchor, model.ChildPath(key),
                    $"missing; GPU memory needs all of {string.Join(", ", MemoryKeys)} (given: {string.Join(", ", given)})");
            return new BatchingConfig(slowdown, maxBatch, null);
        }
        double gpu = model.Number("gpu_memory_gb", 1, Positive);
        double weights = model.Number("weights_gb", 0, NonNegative);
        double kv = model.Number("kv_cache_mb_per_token", 1, Positive);
        if (weights >= gpu)
            problems.Report(model.NodeFor("weights_gb"), model.ChildPath("weights_gb"),
                $"weights {ParameterExpression.Format(weights)} GB leave no room for KV cache in gpu_memory_gb {ParameterExpression.Format(gpu)}; " +
                "allowed: 0 <= weights_gb < gpu_memory_gb");
        return new BatchingConfig(slowdown, maxBatch, new GpuMemoryConfig(gpu, weights, kv));
    }

    private Dictionary<string, PoolConfig> BindPools(MappingReader top)
    {
        var pools = top.Child("pools", null);
        var result = new Dictionary<string, PoolConfig>(StringComparer.Ordinal);
        if (pools.Node != null ? !pools.Entries.Any() : !top.Has("pools"))
            problems.Report(pools.Anchor, "pools", "missing; expected at least one pool, e.g. pools: {inference: {nodes: 4, slots: 8}}");
        var dispatchers = catalogs.Dispatchers.Names.ToList();
        foreach (var (name, _, value) in pools.Entries)
        {
            var pool = new MappingReader(problems, value, pools.ChildPath(name), value, PoolKeys);
            bool gateway = pool.Choice("kind", "compute", PoolKinds, "pool kind") == "tee_gateway";
            int nodes = pool.Integer("nodes", 1, 1);
            int teeCapable = pool.Integer("tee_capable", 0, 0);
            if (teeCapable > nodes)
                problems.Report(pool.NodeFor("tee_capable"), pool.ChildPath("tee_capable"),
                    $"{teeCapable} TEE-capable nodes, but the pool has only {nodes}; allowed: 0 to {nodes}");
            int slots = pool.Integer("slots", 1, 1);
            GatewayConfig? gatewayConfig = gateway ? BindGateway(pool) : null;
            foreach (string key in (gateway ? NotOnGatewayKeys : GatewayOnlyKeys).Where(pool.Has))
                problems.Report(pool.NodeFor(key), pool.ChildPath(key), gateway
                    ? $"{key} does not apply to a tee_gateway pool (CPU enclaves that forward calls to an external LLM provider: no GPU to share, " +
                      "no proofs, every node an enclave, the provider's time not scaled by node speed); allowed on a tee_gateway pool: " +
                      "nodes, slots, dispatcher, discipline, queue_capacity, queue, kind, provider_rps, enclave_overhead_s, sign_s"
                    : $"{key} only applies to a pool of kind: tee_gateway; this pool is kind: compute");
            result[name] = new PoolConfig(name, nodes,
                slots,
                pool.Number("speed", 1, Positive),
                gateway ? nodes : teeCapable,
                pool.Choice("dispatcher", "jsq", dispatchers, "dispatcher"),
                pool.Choice("discipline", "fifo", catalogs.Disciplines.Names.ToList(), "queue discipline"),
                pool.OptionalInteger("queue_capacity", 0))
            {
                Queue = pool.Choice("queue", "per_node", QueueModes, "queue mode") == "central" ? PoolQueue.Central : PoolQueue.PerNode,
                Sharing = gateway ? null : BindSharing(pool, slots),
                Gateway = gatewayConfig,
            };
            // A central queue is one line: it cannot also keep the two lines per node that these modes order.
            if (result[name] is { Queue: PoolQueue.Central, Sharing.Mode: SharingMode.InferenceFirst or SharingMode.Preemptive or SharingMode.Reserved })
                problems.Report(pool.NodeFor("queue"), pool.ChildPath("queue"),
                    "queue: central keeps one line for the pool; sharing inference_first, preemptive and reserved order two lines at each node; " +
                    "allowed with central: sharing fifo or processor (or use queue: per_node)");
        }
        return result;
    }

    /// <summary>
    /// A tee_gateway pool's provider rate limit and its per-call enclave costs. Defaults (Scenarios/README.md,
    /// "TEE gateway"): enclave overhead lognormal median 5 ms, p99 50 ms (estimate: vsock proxying and TLS inside the
    /// enclave); RSA-PSS-2048 signature 1 ms (estimate, 0.5-2 ms on one core).
    /// </summary>
    private GatewayConfig BindGateway(MappingReader pool)
    {
        double rps = pool.RequiredNumber("provider_rps", Positive,
            "the external provider's request rate limit for the pool, requests/s > 0 (e.g. 4,000 requests per minute = 66.7)");
        var enclave = OptionalDistribution(pool, "enclave_overhead_s")
            ?? ComponentSpecReader.Default(new ComponentSpec("lognormal", new Dictionary<string, double> { ["median"] = 0.005, ["p99"] = 0.05 },
                new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<double>>(), problems.Default(pool.ChildPath("enclave_overhead_s"))),
                catalogs.Distributions);
        var sign = OptionalDistribution(pool, "sign_s") ?? _specs.Deterministic(0.001, pool.ChildPath("sign_s"));
        return new GatewayConfig(rps, enclave, sign);
    }

    /// <summary>
    /// <c>sharing: fifo | inference_first | preemptive | processor | {reserved: K}</c>, and the deprecated
    /// <c>proof_slot_factor: F</c> (FIFO with a proof F times slower in its slot), which warns.
    /// </summary>
    private SharingConfig? BindSharing(MappingReader pool, int slots)
    {
        double? factor = pool.OptionalNumber("proof_slot_factor", Positive);
        if (pool.Has("proof_slot_factor"))
            problems.Warn(pool.NodeFor("proof_slot_factor"), pool.ChildPath("proof_slot_factor"),
                "deprecated; use sharing: fifo (a proof holds one slot of the node's slots) or another sharing mode");
        if (pool.Value("sharing") is not { } node) return factor is null ? null : new SharingConfig(SharingMode.Fifo, 0, factor);
        string path = pool.ChildPath("sharing");
        string allowed = $"allowed: {string.Join(", ", SharingModes)}";
        if (node is YamlMappingNode map)
        {
            var reserved = new MappingReader(problems, map, path, map, ["reserved"]);
            if (!reserved.Has("reserved"))
            {
                problems.Report(map, path, $"expected reserved: K (slots only for proofs); {allowed}");
                return null;
            }
            int k = reserved.Integer("reserved", 1, 1);
            if (k >= slots)
                problems.Report(reserved.NodeFor("reserved"), reserved.ChildPath("reserved"),
                    $"{k} reserved slots leave none for inference on a node of {slots} slots; allowed: 1 to {slots - 1}");
            return new SharingConfig(SharingMode.Reserved, k, factor);
        }
        string? text = problems.Text(node, path, $"a sharing mode ({allowed})");
        SharingMode? mode = text switch
        {
            "fifo" => SharingMode.Fifo,
            "inference_first" => SharingMode.InferenceFirst,
            "preemptive" => SharingMode.Preemptive,
            "processor" => SharingMode.Processor,
            _ => null,
        };
        if (text is not null && mode is null)
            problems.Report(node, path, text == "reserved"
                ? $"reserved needs its number of slots: sharing: {{reserved: K}}; {allowed}"
                : $"unknown sharing mode \"{text}\"{Suggestions.DidYouMean(text, ["fifo", "inference_first", "preemptive", "processor", "reserved"])}; {allowed}");
        if (mode == SharingMode.Processor && factor is not null)
            problems.Report(pool.NodeFor("proof_slot_factor"), pool.ChildPath("proof_slot_factor"),
                "a proof slot factor applies to slot-based sharing; processor sharing gives proofs what the node's jobs leave");
        return new SharingConfig(mode ?? SharingMode.Fifo, 0, factor);
    }

    /// <summary>
    /// Sharing only means something on a pool that runs both inference and proofs: the inference pool when
    /// proofs are generated there (no prover role) or when the prover role names it too (merged).
    /// </summary>
    private void SharingPools(MappingReader top, IReadOnlyDictionary<string, PoolConfig> pools, RolesConfig roles)
    {
        var section = top.Child("pools", null);
        foreach (PoolConfig pool in pools.Values)
        {
            if (pool.Sharing is null || HoldsProofs(pool.Name, roles)) continue;
            var fields = section.Child(pool.Name, null);
            string key = fields.Has("sharing") ? "sharing" : "proof_slot_factor";
            problems.Report(fields.NodeFor(key), fields.ChildPath(key),
                $"pool \"{pool.Name}\" never holds both inference and proofs (roles: inference {roles.Inference}, prover {roles.Prover ?? "none"}); " +
                $"sharing applies only to the inference pool when proofs are generated there (no roles.prover, or roles.prover: {roles.Inference})");
        }
    }

    /// <summary>True for the pool that runs inference and proofs on the same nodes.</summary>
    public static bool HoldsProofs(string pool, RolesConfig roles) =>
        pool == roles.Inference && (roles.Prover is null || roles.Prover == roles.Inference);

    private PathsConfig BindPaths(MappingReader paths)
    {
        var zkml = paths.Child("zkml", ZkmlKeys);
        var tee = paths.Child("tee", TeeKeys);
        var zkcrv = paths.Child("zkcrv", ZkCrvKeys);
        var vanilla = paths.Child("vanilla", VanillaKeys);
        PlausibleRanges(tee, zkcrv);
        // Defaults: docs/parameters.md, "Verification paths".
        // Gas defaults: PathGasDefaults (docs/parameters.md, "Settlement and consensus").
        return new PathsConfig(
            new ZkmlConfig(zkml.Number("proof_overhead", 1000, Positive), OptionalDistribution(zkml, "proof_s"), Distribution(zkml, "verify_s", 0.01))
                { SettleGas = Gas(zkml, "settle_gas", PathGasDefaults.Zkml) },
            new TeeConfig(tee.Number("inference_overhead", 1.05, Positive), Distribution(tee, "attest_s", 0.01), Distribution(tee, "verify_s", 0.005))
                { SettleGas = Gas(tee, "settle_gas", PathGasDefaults.Tee) },
            new ZkCrvConfig(zkcrv.Number("challenge_probability", 0.01, Probability), zkcrv.Number("challenge_window_s", 60, NonNegative),
                Distribution(zkcrv, "verify_s", 0.0001)) { SettleGas = Gas(zkcrv, "settle_gas", PathGasDefaults.ZkCrv) },
            new VanillaConfig(Distribution(vanilla, "sign_s", 0.0001), Distribution(vanilla, "verify_s", 0.0001))
                { SettleGas = Gas(vanilla, "settle_gas", PathGasDefaults.Vanilla) });
    }

    /// <summary>
    /// Values outside the sourced plausible ranges (Scenarios/README.md, "paths") are allowed, since exploring beyond
    /// the evidence is a legitimate question, but warned about: the result then rests on a number nobody measured.
    /// TEE overhead 1.0-3.0 (confidential GPUs to OpenGradient's "2-3x slower"); challenge probability 0-5%; challenge
    /// window 60 s to 7 days (an optimistic rollup's window).
    /// </summary>
    private void PlausibleRanges(MappingReader tee, MappingReader zkcrv)
    {
        void Check(MappingReader reader, string key, double low, double high, string range)
        {
            // Only a well-formed number: a malformed one is already an error of the binding itself.
            if (reader.Value(key) is not YamlScalarNode node || !ScenarioProblems.TryNumber(node.Value, out double value)) return;
            if (value < low || value > high)
                problems.Warn(node, reader.ChildPath(key),
                    $"{ParameterExpression.Format(value)} is outside the plausible range {range} (Scenarios/README.md, \"paths\"); allowed, but no source backs it");
        }
        Check(tee, "inference_overhead", 1.0, 3.0, "1.0-3.0");
        Check(zkcrv, "challenge_probability", 0, 0.05, "0-0.05");
        Check(zkcrv, "challenge_window_s", 60, 7 * 86400, "60 s - 7 days (604800 s)");
    }

    private int? Replication(MappingReader verification)
    {
        if (verification.Value("replication") is not { } node || ScenarioProblems.IsNull(node)) return null;
        if (node is YamlScalarNode { Value: "all" }) return null;
        if (node is YamlScalarNode s && !ScenarioProblems.TryNumber(s.Value, out _))
        {
            problems.Report(node, verification.ChildPath("replication"), $"expected \"all\" or a whole number >= 1, found {ScenarioProblems.Describe(node)}");
            return null;
        }
        return problems.Integer(node, verification.ChildPath("replication"), 1);
    }

    /// <summary>A gas amount: a whole number >= 0.</summary>
    internal static long Gas(MappingReader reader, string key, long fallback) =>
        reader.Value(key) is { } node ? reader.Problems.Integer(node, reader.ChildPath(key), 0) ?? fallback : fallback;

    /// <summary>
    /// Prices: defaults from docs/parameters.md "Costs" ($1.3 per A100-hour, $0.10 per CPU full node hour, estimates of
    /// 2025 list prices). Gas is counted only when both gas_price_gwei and eth_usd are given.
    /// </summary>
    private static CostsConfig BindCosts(MappingReader costs) =>
        new(costs.Number("gpu_hour", 1.3, NonNegative), costs.Number("cpu_hour", 0.10, NonNegative),
            costs.OptionalNumber("gas_price_gwei", NonNegative), costs.OptionalNumber("eth_usd", NonNegative));

    private DataConfig BindData(MappingReader data)
    {
        // Default external latency: lognormal, median 150 ms, p99 1.5 s (docs/parameters.md, "Data nodes").
        var latency = data.Value("external_latency_s") is { } node ? _specs.Distribution(node, data.ChildPath("external_latency_s")) : null;
        latency ??= ComponentSpecReader.Default(new ComponentSpec("lognormal", new Dictionary<string, double> { ["median"] = 0.15, ["p99"] = 1.5 },
            new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<double>>(), problems.Default(data.ChildPath("external_latency_s"))),
            catalogs.Distributions);
        return new DataConfig(data.Number("enclave_overhead", 1.1, Positive), latency, data.OptionalNumber("timeout_s", Positive));
    }

    private ComponentSpec Distribution(MappingReader reader, string key, double fallback) =>
        (reader.Value(key) is { } node ? _specs.Distribution(node, reader.ChildPath(key)) : null)
        ?? _specs.Deterministic(fallback, reader.ChildPath(key));

    private ComponentSpec? OptionalDistribution(MappingReader reader, string key) =>
        reader.Value(key) is { } node && !ScenarioProblems.IsNull(node) ? _specs.Distribution(node, reader.ChildPath(key)) : null;
}
