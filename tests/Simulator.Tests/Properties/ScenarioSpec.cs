using System.Globalization;
using System.Text;

namespace HacaSim.Tests.Properties;

/// <summary>A pool of a generated scenario.</summary>
internal sealed record PoolSpec(string Name, int Nodes, int Slots, double Speed, int TeeCapable, string Dispatcher, string Discipline, int? QueueCapacity);

/// <summary>
/// A request class of a generated scenario. <see cref="Cost"/> is the YAML of inference_s, or null for a
/// token-based class (model "m" with <see cref="PromptTokens"/> and <see cref="OutputTokens"/>).
/// Weights are zkml, tee, zkcrv, vanilla.
/// </summary>
internal sealed record ClassSpec(
    string Name,
    double Share,
    string? Cost,
    string PromptTokens,
    string OutputTokens,
    double NeedsData,
    double? DeadlineSeconds,
    double[] Weights,
    string? OwnArrival);

/// <summary>Settlement, verification and the path costs of a generated scenario.</summary>
internal sealed record ChainSpec(
    bool Blocks,
    double BlockIntervalSeconds,
    int BlockCapacity,
    double ConsensusBaseSeconds,
    double ConsensusPerValidatorSeconds,
    int? Validators,
    bool Synchronous,
    int? Replication,
    double ProofOverhead,
    string? ProofSeconds,
    string ZkmlVerify,
    double TeeOverhead,
    string Attest,
    string TeeVerify,
    double ChallengeProbability,
    double ChallengeWindowSeconds,
    string Sign,
    string VanillaVerify)
{
    /// <summary>The chain's issue-15 options: pipeline, quorum consensus, a gas limit, on-chain placement, batching, order, mempool limit.</summary>
    public ChainOptions Options { get; init; } = new("1", false, false, false, 0, false, null);
}

/// <summary><see cref="Batch"/>: 0 none, 1 batches, 2 aggregated batches (on chain only).</summary>
internal sealed record ChainOptions(string Pipeline, bool Quorum, bool GasLimit, bool Onchain, int Batch, bool PathPriority, int? MempoolLimit);

/// <summary>
/// A random but valid scenario, small enough to run in a fraction of a second, written out as YAML so that
/// every generated case also goes through the loader. Roles name pools by index: several roles on one
/// pool is the merged topology; <see cref="Prover"/> null is a colocated prover.
/// </summary>
internal sealed record ScenarioSpec(
    ulong Seed,
    double DurationSeconds,
    double WarmupFraction,
    int Replications,
    double? SampleIntervalSeconds,
    string Arrival,
    bool RateAsParameter,
    double RatePerSecond,
    IReadOnlyList<ClassSpec> Classes,
    IReadOnlyList<PoolSpec> Pools,
    int Inference,
    int Verification,
    int Data,
    int? Prover,
    ChainSpec Chain,
    double PrefillTokensPerSecond,
    double DecodeSecondsPerToken,
    string? ModelProofSeconds,
    double EnclaveOverhead,
    string ExternalLatency,
    double? DataTimeoutSeconds,
    string HopLatency,
    string? Faults = null)
{
    public bool Merged => Inference == Verification;

    public bool UsesModel => Classes.Any(c => c.Cost is null);

    public bool NeedsData => Classes.Any(c => c.NeedsData > 0);

    /// <summary>
    /// Makes a combination of independently drawn parts valid: TEE weight only with TEE-capable inference
    /// nodes, at least one positive path weight and one positive share, replication within the verification pool.
    /// </summary>
    public ScenarioSpec Repaired()
    {
        PoolSpec inference = Pools[Inference];
        var classes = Classes.Select(c =>
        {
            double[] w = (double[])c.Weights.Clone();
            if (inference.TeeCapable == 0) w[1] = 0;
            if (w.All(x => x == 0)) w[3] = 1;
            return c with { Weights = w };
        }).ToList();
        if (classes.Where(c => c.OwnArrival is null).All(c => c.Share == 0)) classes[0] = classes[0] with { Share = 1, OwnArrival = null };
        int verifiers = Pools[Verification].Nodes;
        ChainSpec chain = Chain.Replication > verifiers ? Chain with { Replication = verifiers } : Chain;
        return this with { Classes = classes, Chain = chain };
    }

    public string ToYaml()
    {
        var y = new StringBuilder();
        y.AppendLine(CultureInfo.InvariantCulture, $"name: generated-{Seed}");
        if (RateAsParameter) y.AppendLine(CultureInfo.InvariantCulture, $"parameters: {{rate: {F(RatePerSecond)}}}");
        y.AppendLine(
            $"run: {{duration_s: {F(DurationSeconds)}, warmup_s: {F(DurationSeconds * WarmupFraction)}, replications: {Replications}, seed: {Seed}" +
            (SampleIntervalSeconds is { } s ? $", sample_interval_s: {F(s)}}}" : "}"));
        y.AppendLine("traffic:");
        if (Classes.Any(c => c.OwnArrival is null)) y.AppendLine("  arrival: " + ArrivalYaml(Arrival, RatePerSecond, RateAsParameter));
        y.AppendLine("  classes:");
        foreach (ClassSpec c in Classes)
        {
            y.AppendLine(CultureInfo.InvariantCulture, $"    - name: {c.Name}");
            y.AppendLine(CultureInfo.InvariantCulture, $"      share: {F(c.Share)}");
            if (c.OwnArrival is { } own) y.AppendLine("      arrival: " + ArrivalYaml(own, RatePerSecond / Classes.Count, false));
            if (c.Cost is { } cost) y.AppendLine("      inference_s: " + cost);
            else
            {
                y.AppendLine("      model: m");
                y.AppendLine("      prompt_tokens: " + c.PromptTokens);
                y.AppendLine("      output_tokens: " + c.OutputTokens);
            }
            y.AppendLine(CultureInfo.InvariantCulture, $"      needs_data: {F(c.NeedsData)}");
            if (c.DeadlineSeconds is { } d) y.AppendLine(CultureInfo.InvariantCulture, $"      deadline_s: {F(d)}");
            y.AppendLine(CultureInfo.InvariantCulture,
                $"      paths: {{zkml: {F(c.Weights[0])}, tee: {F(c.Weights[1])}, zkcrv: {F(c.Weights[2])}, vanilla: {F(c.Weights[3])}}}");
        }
        if (UsesModel)
        {
            y.AppendLine("models:");
            y.AppendLine($"  m: {{prefill_tokens_per_s: {F(PrefillTokensPerSecond)}, decode_s_per_token: {F(DecodeSecondsPerToken)}" +
                (ModelProofSeconds is { } p ? $", proof_s: {p}}}" : "}"));
        }
        y.AppendLine("pools:");
        foreach (PoolSpec p in Pools)
            y.AppendLine(
                $"  {p.Name}: {{nodes: {p.Nodes}, slots: {p.Slots}, speed: {F(p.Speed)}, tee_capable: {p.TeeCapable}, dispatcher: {p.Dispatcher}, discipline: {p.Discipline}" +
                (p.QueueCapacity is { } q ? $", queue_capacity: {q}}}" : "}"));
        y.AppendLine($"roles: {{inference: {Pools[Inference].Name}, verification: {Pools[Verification].Name}, data: {Pools[Data].Name}" +
            (Prover is { } prover ? $", prover: {Pools[prover].Name}}}" : "}"));
        ChainSpec ch = Chain;
        y.AppendLine("paths:");
        y.AppendLine($"  zkml: {{proof_overhead: {F(ch.ProofOverhead)}, verify_s: {ch.ZkmlVerify}" + (ch.ProofSeconds is { } ps ? $", proof_s: {ps}}}" : "}"));
        y.AppendLine($"  tee: {{inference_overhead: {F(ch.TeeOverhead)}, attest_s: {ch.Attest}, verify_s: {ch.TeeVerify}}}");
        y.AppendLine($"  zkcrv: {{challenge_probability: {F(ch.ChallengeProbability)}, challenge_window_s: {F(ch.ChallengeWindowSeconds)}}}");
        y.AppendLine($"  vanilla: {{sign_s: {ch.Sign}, verify_s: {ch.VanillaVerify}}}");
        ChainOptions o = ch.Options;
        y.AppendLine("verification: {replication: " + (ch.Replication is { } k && !o.Onchain ? k.ToString(CultureInfo.InvariantCulture) : "all") +
            (o.Onchain ? ", placement: onchain}" : "}"));
        string consensus = o.Quorum
            ? "consensus: {model: quorum, phases: 3, message_delay_s: {dist: exponential, mean: 0.05}}, "
            : $"consensus_base_s: {F(ch.ConsensusBaseSeconds)}, consensus_per_validator_s: {F(ch.ConsensusPerValidatorSeconds)}, ";
        int batchItems = Math.Min(ch.BlockCapacity, 5);
        string batch = o.Batch == 0 ? "" : $"batch: {{max_items: {batchItems}, max_wait_s: 0.5" + (o.Batch == 2 && o.Onchain ? ", aggregated: true, aggregate_s: 0.01}, " : "}, ");
        y.AppendLine(
            $"settlement: {{mode: {(ch.Blocks ? "blocks" : "instant")}, block_interval_s: {F(ch.BlockIntervalSeconds)}, block_capacity: {ch.BlockCapacity}, " +
            consensus + $"pipeline: {o.Pipeline}, " + (o.GasLimit ? "block_gas_limit: 3000000, " : "") + batch +
            (o.PathPriority ? "order: path_priority, " : "") + (o.MempoolLimit is { } m ? $"mempool_limit: {m}, " : "") +
            (ch.Validators is { } v ? $"validators: {v}, " : "") + $"synchronous: {(ch.Synchronous ? "true" : "false")}}}");
        y.AppendLine($"data: {{enclave_overhead: {F(EnclaveOverhead)}, external_latency_s: {ExternalLatency}" +
            (DataTimeoutSeconds is { } t ? $", timeout_s: {F(t)}}}" : "}"));
        y.AppendLine($"network: {{hop_latency_s: {HopLatency}}}");
        if (Faults is { } faults) y.Append(faults.Replace("POOL_A", Pools[0].Name).Replace("POOL_B", Pools[^1].Name));
        return y.ToString();
    }

    public override string ToString() => ToYaml();

    /// <summary>An arrival process of kind poisson, deterministic, renewal or onoff with mean rate <paramref name="rate"/>.</summary>
    private static string ArrivalYaml(string kind, double rate, bool asParameter)
    {
        string R(string expression, double value) => asParameter ? $"\"${{{expression}}}\"" : F(value);
        return kind switch
        {
            "poisson" => $"{{process: poisson, rate: {R("rate", rate)}}}",
            "deterministic" => $"{{process: deterministic, rate: {R("rate", rate)}}}",
            "renewal" => $"{{process: renewal, dist: gamma, mean: {R("1 / rate", 1 / rate)}, cv: 2}}",
            "onoff" => $"{{process: onoff, on_rate: {R("2 * rate", 2 * rate)}, mean_on_s: 20, mean_off_s: 20}}",
            _ => throw new ArgumentException($"unknown arrival kind {kind}"),
        };
    }

    public static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
