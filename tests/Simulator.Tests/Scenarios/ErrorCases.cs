namespace HacaSim.Tests.Scenarios;

/// <summary>
/// Malformed scenarios, each a small edit of <see cref="Minimal"/>, with what the error must say:
/// the exact "file:line:", the field path, and a hint of what is allowed.
/// </summary>
internal static class ErrorCases
{
    /// <summary>The smallest valid scenario; line numbers below refer to it.</summary>
    public const string Minimal = """
        name: t
        parameters: {rate: 1}
        run: {duration_s: 100, warmup_s: 10}
        traffic:
          arrival: {process: poisson, rate: "${rate}"}
          classes:
            - name: job
              inference_s: 0.5
              paths: {vanilla: 1}
        pools:
          inference: {nodes: 1, slots: 1}
          verification: {nodes: 1, slots: 1}

        """;

    private static string Edit(string from, string to)
    {
        if (!Minimal.Contains(from)) throw new ArgumentException($"\"{from}\" is not in the minimal scenario");
        return Minimal.Replace(from, to);
    }

    private static TestCaseData Case(string name, string yaml, params string[] expected) =>
        new TestCaseData(yaml, Array.Empty<string>(), expected).SetName(name);

    private static TestCaseData CaseWithSet(string name, string[] overrides, params string[] expected) =>
        new TestCaseData(Minimal, overrides, expected).SetName(name);

    public static IEnumerable<TestCaseData> All()
    {
        yield return Case("FaultsUnknownRule", Minimal + "faults: {on_interrupt: retyr}\n",
            "t.yaml:13:", "faults.on_interrupt", "did you mean \"retry\"?");
        yield return Case("FaultsOutageUnknownPool", Minimal + "faults:\n  outages:\n    - {pool: verificaton, start_s: 10, duration_s: 5}\n",
            "t.yaml:15:", "faults.outages[0].pool", "no pool \"verificaton\"", "did you mean \"verification\"?");
        yield return Case("FaultsOutageNeedsTarget", Minimal + "faults:\n  outages:\n    - {start_s: 10, duration_s: 5}\n",
            "t.yaml:15:", "faults.outages[0]", "either pool: NAME or tee_vendor: true");
        yield return Case("FaultsFailureNeedsBothTimes", Minimal + "faults:\n  node_failures:\n    inference: {mtbf_s: 100}\n",
            "t.yaml:15:", "faults.node_failures.inference", "needs both mtbf_s");
        yield return Case("FaultsNegativeBackoff", Minimal + "faults: {retry_backoff_s: -1}\n",
            "t.yaml:13:", "faults.retry_backoff_s", ">= 0");
        yield return Case("ClassTimeoutZero", Edit("paths: {vanilla: 1}", "paths: {vanilla: 1}\n      timeout_s: 0"),
            "t.yaml:10:", "traffic.classes[0].timeout_s", "> 0");
        yield return Case("UnknownTopLevelKey", Minimal + "setlement: {mode: instant}\n",
            "t.yaml:13:1: setlement: unknown key \"setlement\"", "did you mean \"settlement\"?", "allowed here: name, description");
        yield return Case("UnknownPoolKey", Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slotz: 1}"),
            "t.yaml:11:", "pools.inference.slotz", "did you mean \"slots\"?", "allowed here: nodes, slots, speed");
        yield return Case("MappingWhereNumberExpected", Edit("duration_s: 100,", "duration_s: {hours: 1},"),
            "t.yaml:3:", "run.duration_s", "expected a number > 0, found a mapping");
        yield return Case("TextWhereNumberExpected", Edit("nodes: 1, slots: 1}\n  verification", "nodes: 1, slots: many}\n  verification"),
            "t.yaml:11:", "pools.inference.slots", "expected a whole number >= 1, found text \"many\"");
        yield return Case("NaN", Edit("duration_s: 100", "duration_s: .nan"),
            "t.yaml:3:", "run.duration_s", "not a finite number", "a number > 0");
        yield return Case("Infinity", Edit("warmup_s: 10", "warmup_s: .inf"),
            "t.yaml:3:", "run.warmup_s", "not a finite number", "a number >= 0");
        yield return Case("NegativeArrivalRate", Edit("{rate: 1}", "{rate: -2}"),
            "t.yaml:5:", "traffic.arrival", "poisson", "must be a finite number > 0");
        yield return Case("NegativeDuration", Edit("inference_s: 0.5", "inference_s: -0.5"),
            "t.yaml:8:", "traffic.classes[0].inference_s", "expected a number >= 0 or {dist: NAME, ...}");
        yield return Case("ZeroNodes", Edit("inference: {nodes: 1", "inference: {nodes: 0"),
            "t.yaml:11:", "pools.inference.nodes", "expected a whole number >= 1, found 0");
        yield return Case("FractionalSlots", Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 2.5}"),
            "t.yaml:11:", "pools.inference.slots", "whole number >= 1, found 2.5");
        yield return Case("ProbabilityAboveOne", Edit("      paths: {vanilla: 1}", "      paths: {vanilla: 1}\n      needs_data: 1.5"),
            "t.yaml:10:", "traffic.classes[0].needs_data", "expected a probability in [0, 1], found 1.5");
        yield return Case("AllSharesZero", Edit("- name: job", "- name: job\n      share: 0"),
            "t.yaml:7:", "traffic.classes", "share 0", "at least one must be > 0");
        yield return Case("NegativePathWeight", Edit("paths: {vanilla: 1}", "paths: {vanilla: -1}"),
            "t.yaml:9:", "traffic.classes[0].paths.vanilla", "expected a number >= 0, found -1");
        yield return Case("AllPathWeightsZero", Edit("paths: {vanilla: 1}", "paths: {vanilla: 0, zkml: 0}"),
            "t.yaml:9:", "traffic.classes[0].paths", "every path weight is 0", "zkml, tee, zkcrv, vanilla");
        yield return Case("UnknownPathName", Edit("paths: {vanilla: 1}", "paths: {vanila: 1}"),
            "t.yaml:9:", "traffic.classes[0].paths.vanila", "did you mean \"vanilla\"?", "zkml, tee, zkcrv, vanilla");
        yield return Case("UnknownDistribution", Edit("inference_s: 0.5", "inference_s: {dist: lognormall, mean: 1, cv: 1}"),
            "t.yaml:8:", "traffic.classes[0].inference_s", "unknown distribution \"lognormall\"", "did you mean \"lognormal\"?", "allowed: deterministic, empirical");
        yield return Case("DistributionWithWrongParameters", Edit("inference_s: 0.5", "inference_s: {dist: lognormal, mean: 1, sd: 1}"),
            "t.yaml:8:", "traffic.classes[0].inference_s", "takes {mean, cv} | {mu, sigma} | {median, p99}; given: mean, sd");
        yield return Case("DistributionWithoutName", Edit("inference_s: 0.5", "inference_s: {mean: 1}"),
            "t.yaml:8:", "traffic.classes[0].inference_s", "missing \"dist\"", "exponential");
        yield return Case("UnknownArrivalProcess", Edit("process: poisson", "process: poison"),
            "t.yaml:5:", "traffic.arrival", "did you mean \"poisson\"?");
        yield return Case("UnknownDispatcher", Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 1, dispatcher: jsqq}"),
            "t.yaml:11:", "pools.inference.dispatcher", "did you mean \"jsq\"?", "allowed: jsq, lwl, p2c, random, round_robin");
        yield return Case("UnknownDiscipline", Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 1, discipline: lifo}"),
            "t.yaml:11:", "pools.inference.discipline", "allowed: edf, fifo, priority_by_path");
        yield return Case("RoleNamesMissingPool", Minimal + "roles: {inference: inferense}\n",
            "t.yaml:13:", "roles.inference", "pool \"inferense\" does not exist", "did you mean \"inference\"?", "pools: inference, verification");
        yield return Case("DefaultRoleWithoutPool", Edit("  verification: {nodes: 1, slots: 1}\n", "  checkers: {nodes: 1, slots: 1}\n"),
            "t.yaml:1:", "roles.verification", "pool \"verification\" (the default", "pools: inference, checkers");
        yield return Case("DataNeededWithoutDataPool", Edit("      paths: {vanilla: 1}", "      paths: {vanilla: 1}\n      needs_data: 0.5"),
            "t.yaml:1:", "roles.data", "pool \"data\"", "does not exist");
        yield return Case("UnknownModel", Edit("      inference_s: 0.5", "      model: llama\n      prompt_tokens: 100\n      output_tokens: 10"),
            "t.yaml:8:", "traffic.classes[0].model", "unknown model \"llama\"", "no models are defined");
        yield return Case("ModelWithoutTokens", Minimal.Replace("      inference_s: 0.5", "      model: m") + "models: {m: {prefill_tokens_per_s: 1000, decode_s_per_token: 0.01}}\n",
            "t.yaml:7:", "traffic.classes[0].prompt_tokens", "a class with model needs prompt_tokens", "traffic.classes[0].output_tokens");
        yield return Case("ClassWithModelAndInferenceSeconds", Edit("      inference_s: 0.5", "      inference_s: 0.5\n      model: m"),
            "t.yaml:8:", "traffic.classes[0].inference_s", "either model", "not both");
        yield return Case("ClassWithNeitherModelNorInferenceSeconds", Edit("      inference_s: 0.5\n", ""),
            "t.yaml:7:", "traffic.classes[0]", "missing model or inference_s");
        yield return Case("ModelMissingRate", Minimal + "models: {m: {decode_s_per_token: 0.01}}\n",
            "t.yaml:13:", "models.m.prefill_tokens_per_s", "missing; expected a number > 0");
        yield return Case("TeeWithoutTeeNodes", Edit("paths: {vanilla: 1}", "paths: {vanilla: 1, tee: 0.5}"),
            "t.yaml:9:", "traffic.classes[0].paths.tee", "tee_capable: 0", "tee_capable: 1 to 1");
        yield return Case("MoreTeeNodesThanNodes", Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 1, tee_capable: 2}"),
            "t.yaml:11:", "pools.inference.tee_capable", "allowed: 0 to 1");
        yield return Case("ReplicationAboveVerificationNodes", Minimal + "verification: {replication: 3}\n",
            "t.yaml:13:", "verification.replication", "exceeds the 1 nodes", "allowed: 1 to 1, or all");
        yield return Case("ReplicationNotANumber", Minimal + "verification: {replication: some}\n",
            "t.yaml:13:", "verification.replication", "expected \"all\" or a whole number >= 1");
        yield return Case("WarmupNotShorterThanDuration", Edit("warmup_s: 10", "warmup_s: 100"),
            "t.yaml:3:", "run.warmup_s", "must be shorter than duration_s 100 s");
        yield return Case("ZeroReplications", Edit("warmup_s: 10}", "warmup_s: 10, replications: 0}"),
            "t.yaml:3:", "run.replications", "expected a whole number >= 1, found 0");
        yield return Case("UnknownSettlementMode", Minimal + "settlement: {mode: fast}\n",
            "t.yaml:13:", "settlement.mode", "allowed: blocks, instant");
        yield return Case("NotABoolean", Minimal + "settlement: {synchronous: maybe}\n",
            "t.yaml:13:", "settlement.synchronous", "expected true or false");
        yield return Case("PipelineZero", Minimal + "settlement: {pipeline: 0}\n",
            "t.yaml:13:24:", "settlement.pipeline", "expected a whole number >= 1, found 0");
        yield return Case("PipelineText", Minimal + "settlement: {pipeline: endless}\n",
            "t.yaml:13:", "settlement.pipeline", "a whole number >= 1 or \"unbounded\"");
        yield return Case("NegativeSettleGas", Minimal + "paths: {vanilla: {settle_gas: -5}}\n",
            "t.yaml:13:", "paths.vanilla.settle_gas", "expected a whole number >= 0, found -5");
        yield return Case("GasLimitBelowItem", Minimal + "settlement: {block_gas_limit: 20000}\n",
            "t.yaml:13:", "settlement.block_gas_limit", "smaller than one vanilla item", "allowed: >= 30000");
        yield return Case("GasLimitBelowFullBatch", Minimal + "settlement: {block_gas_limit: 100000, batch: {max_items: 100}}\n",
            "t.yaml:13:", "settlement.block_gas_limit", "cannot hold a full batch", "= 250000");
        yield return Case("BatchLargerThanBlock", Minimal + "settlement: {block_capacity: 10, batch: {max_items: 50}}\n",
            "t.yaml:13:", "settlement.batch.max_items", "cannot fit a block of block_capacity 10", "allowed: 1 to 10");
        yield return Case("OnchainWithReplication", Minimal + "verification: {placement: onchain, replication: 1}\n",
            "t.yaml:13:", "verification.replication", "does not apply with placement: onchain");
        yield return Case("UnknownPlacement", Minimal + "verification: {placement: chain}\n",
            "t.yaml:13:", "verification.placement", "allowed: offchain, onchain");
        yield return Case("BudgetOffchain", Minimal + "settlement: {block_execution_budget_s: 1}\n",
            "t.yaml:13:", "settlement.block_execution_budget_s", "only applies with verification.placement: onchain");
        yield return Case("AggregatedOffchain", Minimal + "settlement: {batch: {aggregated: true}}\n",
            "t.yaml:13:", "settlement.batch.aggregated", "only applies with verification.placement: onchain");
        yield return Case("AggregateWithoutAggregation", Minimal + "settlement: {batch: {aggregate_s: 2}}\n",
            "t.yaml:13:", "settlement.batch.aggregate_s", "only applies with aggregated: true");
        yield return Case("QuorumWithLinearKeys", Minimal + "settlement: {consensus_base_s: 1, consensus: {phases: 3}}\n",
            "t.yaml:13:", "settlement.consensus_base_s", "only applies to the linear consensus model");
        yield return Case("UnknownConsensusModel", Minimal + "settlement: {consensus: {model: raft}}\n",
            "t.yaml:13:", "settlement.consensus.model", "allowed: linear, quorum");
        yield return Case("QuorumZeroPhases", Minimal + "settlement: {consensus: {phases: 0}}\n",
            "t.yaml:13:", "settlement.consensus.phases", "expected a whole number >= 1, found 0");
        yield return Case("UnknownMempoolOrder", Minimal + "settlement: {order: lifo}\n",
            "t.yaml:13:", "settlement.order", "allowed: fifo, path_priority");
        yield return Case("MempoolLimitZero", Minimal + "settlement: {mempool_limit: 0}\n",
            "t.yaml:13:", "settlement.mempool_limit", "expected a whole number >= 1, found 0");
        yield return Case("OnchainWithoutValidators", Edit("  verification: {nodes: 1, slots: 1}\n", "") + "verification: {placement: onchain}\n",
            "settlement.validators", "say how many validators run the chain");
        yield return Case("NegativeBatchWait", Minimal + "settlement: {batch: {max_wait_s: -1}}\n",
            "t.yaml:13:", "settlement.batch.max_wait_s", ">= 0");
        yield return Case("UnknownPolicy", Minimal + "policy: {name: statik}\n",
            "t.yaml:13:", "policy", "did you mean \"static\"?", "allowed: adaptive, by_class, cost, slo, static");
        yield return Case("PolicyUnknownParameter", Minimal + "policy: {name: adaptive, backlog_hi: 10}\n",
            "t.yaml:13:", "policy", "path policy \"adaptive\" takes {backlog_high, [backlog_low]", "| {lag_high_s", "given: backlog_hi");
        yield return Case("PolicyUnknownPath", Minimal + "policy: {name: by_class, job: zkmll}\n",
            "t.yaml:13:", "policy", "unknown path \"zkmll\"", "did you mean \"zkml\"?", "allowed: zkml, tee, zkcrv, vanilla");
        yield return Case("PolicyUnknownClass", Minimal + "policy: {name: by_class, jobb: vanilla, default: vanilla}\n",
            "t.yaml:13:", "policy.jobb", "unknown class \"jobb\"", "did you mean \"job\"?", "classes: job");
        yield return Case("PolicyClassWithoutPath", Minimal + "policy: {name: by_class}\n",
            "t.yaml:13:", "policy", "by_class gives no path for class job", "default: PATH");
        yield return Case("PolicyHysteresisInverted", Minimal + "policy: {name: adaptive, backlog_high: 10, backlog_low: 20}\n",
            "t.yaml:13:", "policy", "backlog_low must be from 0 to backlog_high (10), found 20");
        yield return Case("PolicyMissingPrice", Minimal + "policy: {name: cost, gpu_price: 1}\n",
            "t.yaml:13:", "policy", "path policy \"cost\" takes {gpu_price, cpu_price, [floor]}; given: gpu_price");
        yield return Case("PolicyFloorNotAPath", Minimal + "policy: {name: slo, floor: 3}\n",
            "t.yaml:13:", "policy", "floor must be a path name");
        yield return Case("ClassTrustFloorUnknown", Edit("      paths: {vanilla: 1}", "      paths: {vanilla: 1}\n      trust_floor: teee"),
            "t.yaml:10:", "traffic.classes[0].trust_floor", "did you mean \"tee\"?", "allowed: zkml, tee, zkcrv, vanilla");
        yield return Case("MissingArrival", Edit("  arrival: {process: poisson, rate: \"${rate}\"}\n", ""),
            "t.yaml:5:", "traffic.arrival", "classes job have no arrival of their own");
        yield return Case("DuplicateClassName", Edit("      paths: {vanilla: 1}\n", "      paths: {vanilla: 1}\n    - name: job\n      inference_s: 1\n"),
            "t.yaml:10:", "traffic.classes[1].name", "used twice");
        yield return Case("UnknownParameter", Edit("rate: \"${rate}\"", "rate: \"${rat}\""),
            "t.yaml:5:", "traffic.arrival.rate", "unknown parameter \"rat\"", "did you mean \"rate\"?", "declared: rate");
        yield return Case("BadExpression", Edit("rate: \"${rate}\"", "rate: \"${1 +}\""),
            "t.yaml:5:", "traffic.arrival.rate", "bad expression \"1 +\"");
        yield return Case("UnclosedReference", Edit("rate: \"${rate}\"", "rate: \"${rate\""),
            "t.yaml:5:", "traffic.arrival.rate", "without a closing");
        yield return Case("ParameterNotAScalar", Edit("parameters: {rate: 1}", "parameters: {rate: [1, 2]}"),
            "t.yaml:2:", "parameters.rate", "expected a number or a name");
        yield return Case("YamlSyntaxError", Edit("warmup_s: 10}", "warmup_s: 10}}"),
            "t.yaml:3:", "YAML syntax error");
        yield return Case("DuplicateKey", Edit("name: t\n", "name: t\nname: u\n"),
            "t.yaml:2:", "YAML syntax error", "Duplicate key");
        yield return Case("AnchorsRefused", Edit("inference: {nodes: 1, slots: 1}\n  verification: {nodes: 1, slots: 1}", "inference: &pool {nodes: 1, slots: 1}\n  verification: *pool"),
            "t.yaml:11:", "anchors (&pool) are not supported");
        yield return Case("TooDeep", Minimal + "description: " + new string('[', 70) + new string(']', 70) + "\n",
            "t.yaml:13:", "nesting deeper than 64");
        yield return Case("NotAMapping", "- just\n- a list\n", "t.yaml:1:1:", "expected a mapping");
        yield return Case("EmptyFile", "# nothing\n", "t.yaml", "empty");
        yield return CaseWithSet("SetWithoutEquals", ["rate"], "--set rate: expected NAME=VALUE");
        yield return CaseWithSet("SetUnknownName", ["rat=3"], "--set rat=3:", "neither a declared parameter nor a scenario key", "did you mean \"rate\"?");
        yield return CaseWithSet("SetUnknownPath", ["pools.inferenc.slots=3"], "--set pools.inferenc.slots=3:", "no key \"inferenc\" under pools", "did you mean \"inference\"?");
        yield return CaseWithSet("SetListIndexOutOfRange", ["traffic.classes.3.share=1"], "--set traffic.classes.3.share=1:", "expected an index from 0 to 0");
        yield return CaseWithSet("SetThroughAScalar", ["run.duration_s.x=1"], "--set run.duration_s.x=1:", "run.duration_s is a single value");
        yield return CaseWithSet("SetUnknownKeyIsCaughtByTheBinder", ["pools.inference.slotz=3"],
            "--set pools.inference.slotz=3: pools.inference.slotz: unknown key", "did you mean \"slots\"?");
        foreach (TestCaseData c in ModelProfileCases()) yield return c;
        foreach (TestCaseData c in SharingAndProofSystemCases()) yield return c;
        foreach (TestCaseData c in GatewayCases()) yield return c;
        yield return Case("SeveralProblemsAllReported",
            Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 0, slots: 1, dispatcher: jsqq}") + "colour: blue\n",
            "t.yaml:11:", "pools.inference.nodes", "pools.inference.dispatcher", "t.yaml:13:1: colour: unknown key");
    }

    /// <summary>A token-model class and models: block text starting at line 13 of the minimal scenario.</summary>
    private static string WithModel(string models) =>
        Edit("      inference_s: 0.5", "      model: m\n      prompt_tokens: 100\n      output_tokens: 10") + models;

    private static IEnumerable<TestCaseData> ModelProfileCases()
    {
        yield return Case("UnknownProfile", WithModel("models:\n  m: {profile: llama-3.1-8b-a100}\n"),
            "t.yaml:16:", "models.m.profile", "unknown profile \"llama-3.1-8b-a100\"", "did you mean \"llama-3.1-8b-a100-40gb\"?",
            "profiles/llm-profiles.yaml");
        yield return Case("NegativeBatchSlowdown", WithModel("models:\n  m: {prefill_tokens_per_s: 1000, decode_s_per_token: 0.01, batch_slowdown: -0.1}\n"),
            "t.yaml:16:", "models.m.batch_slowdown", "expected a number >= 0, found -0.1");
        yield return Case("MaxBatchWithoutBatching", WithModel("models:\n  m: {prefill_tokens_per_s: 1000, decode_s_per_token: 0.01, max_batch: 8}\n"),
            "t.yaml:16:", "models.m.max_batch", "only applies with continuous batching", "add batch_slowdown");
        yield return Case("ZeroMaxBatch", WithModel("models:\n  m: {prefill_tokens_per_s: 1000, decode_s_per_token: 0.01, batch_slowdown: 0.03, max_batch: 0}\n"),
            "t.yaml:16:", "models.m.max_batch", "expected a whole number >= 1, found 0");
        yield return Case("PartialGpuMemory",
            WithModel("models:\n  m: {prefill_tokens_per_s: 1000, decode_s_per_token: 0.01, batch_slowdown: 0.03, gpu_memory_gb: 40}\n"),
            "t.yaml:16:", "models.m.weights_gb", "missing; GPU memory needs all of gpu_memory_gb, weights_gb, kv_cache_mb_per_token",
            "models.m.kv_cache_mb_per_token");
        yield return Case("WeightsDoNotFit",
            WithModel("models:\n  m:\n    profile: llama-3.1-8b-a100-40gb\n    weights_gb: 40\n"),
            "t.yaml:18:", "models.m.weights_gb", "leave no room for KV cache in gpu_memory_gb 36", "0 <= weights_gb < gpu_memory_gb");
        yield return Case("NegativeKvCache",
            WithModel("models:\n  m:\n    profile: llama-3.1-8b-a100-40gb\n    kv_cache_mb_per_token: -1\n"),
            "t.yaml:18:", "models.m.kv_cache_mb_per_token", "expected a number > 0, found -1");
        yield return Case("FixedCostModelWithTokenRates",
            WithModel("models:\n  m: {inference_s: 0.005, decode_s_per_token: 0.01}\n"),
            "t.yaml:16:", "models.m.decode_s_per_token", "only applies to a token-based model");
        yield return Case("TokensForAFixedCostModel", WithModel("models:\n  m: {profile: gbdt-risk-score}\n"),
            "t.yaml:9:", "traffic.classes[0].prompt_tokens", "does not apply: model \"m\" has a fixed cost");
        yield return Case("TwoBatchingModels",
            WithModel("models:\n  m: {profile: llama-3.1-8b-a100-40gb}\n  n: {profile: llama-3.1-8b-h100-80gb}\n")
                .Replace("      paths: {vanilla: 1}", "      paths: {vanilla: 1}\n    - {name: other, model: n, prompt_tokens: 5, output_tokens: 5}"),
            "t.yaml:12:", "traffic.classes[1].model", "uses continuous batching, and so does \"m\"");
    }

    private static string WithProofModel(string model) => Edit("      inference_s: 0.5", "      model: m") + "models:\n  m: " + model + "\n";

    private static IEnumerable<TestCaseData> SharingAndProofSystemCases()
    {
        yield return Case("UnknownProofSystem", WithProofModel("{inference_s: 0.005, proof_system: deepprove-gk, parameters: 4.0e6}"),
            "t.yaml:14:", "models.m.proof_system", "unknown proof system \"deepprove-gk\"", "did you mean \"deepprove-gkr\"?", "profiles/proof-systems.yaml");
        yield return Case("ProofSystemSizeOutsideFitRange", WithProofModel("{inference_s: 0.005, proof_system: deepprove-gkr, parameters: 1.0e9}"),
            "t.yaml:14:", "models.m.parameters", "outside the range", "264000 to 4000000 parameters", "extrapolate: true");
        yield return Case("ProofSystemWithoutSize", WithProofModel("{inference_s: 0.005, proof_system: zkllm}"),
            "t.yaml:14:", "models.m.parameters", "missing", "parameters: N");
        yield return Case("SharingOnAPoolWithoutProofs",
            Edit("verification: {nodes: 1, slots: 1}", "verification: {nodes: 1, slots: 1, sharing: fifo}"),
            "t.yaml:12:", "pools.verification.sharing", "never holds both inference and proofs");
        yield return Case("ReservedNotBelowSlots",
            Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 2, sharing: {reserved: 2}}"),
            "t.yaml:11:", "pools.inference.sharing.reserved", "leave none for inference", "allowed: 1 to 1");
        yield return Case("UnknownSharingMode",
            Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 1, slots: 2, sharing: preemtive}"),
            "t.yaml:11:", "pools.inference.sharing", "did you mean \"preemptive\"?", "allowed: fifo, inference_first");
        yield return Case("CentralQueueWithPreemptiveSharing",
            Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 2, slots: 2, sharing: preemptive, queue: central}"),
            "t.yaml:11:", "pools.inference.queue", "allowed with central: sharing fifo or processor");
        yield return Case("UnknownQueueMode",
            Edit("inference: {nodes: 1, slots: 1}", "inference: {nodes: 2, slots: 2, queue: centrl}"),
            "t.yaml:11:", "pools.inference.queue", "did you mean \"central\"?");
    }

    /// <summary>
    /// The minimal scenario plus a chat class (line 10) on a provider model through a tee_gateway pool (line 13).
    /// Lines: 10 class chat, 11 its model, 12 its output_tokens, 13 its paths, 16 gateway pool, 19 models, 20 model p.
    /// </summary>
    private static string WithGateway(string gateway = "{kind: tee_gateway, nodes: 1, slots: 4, provider_rps: 10}",
        string model = "{ttft_s: 0.5, tpot_s: 0.01}", string chat = "output_tokens: 100\n      paths: {tee: 1}") =>
        Minimal.Replace("      paths: {vanilla: 1}\n", "      paths: {vanilla: 1}\n    - name: chat\n      model: p\n      " + chat + "\n")
            .Replace("  verification: {nodes: 1, slots: 1}\n", "  verification: {nodes: 1, slots: 1}\n  gateway: " + gateway + "\n")
        + "models:\n  p: " + model + "\n";

    private static IEnumerable<TestCaseData> GatewayCases()
    {
        yield return Case("GatewayWithTokenBasedGpuProfile", WithGateway(model: "{profile: llama-3.1-8b-a100-40gb, ttft_s: 0.5, tpot_s: 0.01}"),
            "models.p.decode_s_per_token", "does not apply to a provider model", "allowed keys: ttft_s, tpot_s");
        yield return Case("GatewayAsTheInferencePoolOfAGpuModel",
            WithGateway() + "roles: {inference: gateway}\n",
            "roles.inference", "pool \"gateway\" is kind: tee_gateway", "allowed here: a pool of kind: compute");
        yield return Case("SharingOnAGateway", WithGateway("{kind: tee_gateway, nodes: 1, slots: 4, provider_rps: 10, sharing: processor}"),
            "t.yaml:17:", "pools.gateway.sharing", "does not apply to a tee_gateway pool", "allowed on a tee_gateway pool: nodes, slots");
        yield return Case("ZeroProviderRps", WithGateway("{kind: tee_gateway, nodes: 1, slots: 4, provider_rps: 0}"),
            "t.yaml:17:", "pools.gateway.provider_rps", "expected a number > 0, found 0");
        yield return Case("NegativeProviderRps", WithGateway("{kind: tee_gateway, nodes: 1, slots: 4, provider_rps: -5}"),
            "t.yaml:17:", "pools.gateway.provider_rps", "expected a number > 0, found -5");
        yield return Case("GatewayWithoutProviderRps", WithGateway("{kind: tee_gateway, nodes: 1, slots: 4}"),
            "t.yaml:17:", "pools.gateway.provider_rps", "missing", "rate limit");
        yield return Case("ProviderRpsOnAComputePool", WithGateway().Replace("  inference: {nodes: 1, slots: 1}", "  inference: {nodes: 1, slots: 1, provider_rps: 5}"),
            "t.yaml:15:", "pools.inference.provider_rps", "only applies to a pool of kind: tee_gateway");
        yield return Case("UnknownPoolKind", WithGateway("{kind: tee_gatway, nodes: 1, slots: 4, provider_rps: 10}"),
            "t.yaml:17:", "pools.gateway.kind", "did you mean \"tee_gateway\"?");
        yield return Case("ProvenPathOnAProviderModel", WithGateway(chat: "output_tokens: 100\n      paths: {tee: 1, zkml: 1}"),
            "t.yaml:13:", "traffic.classes[1].paths.zkml", "can be signed, not proven", "allowed paths for this class: tee, vanilla");
        yield return Case("PromptTokensOnAProviderModel", WithGateway(chat: "output_tokens: 100\n      prompt_tokens: 50\n      paths: {tee: 1}"),
            "t.yaml:13:", "traffic.classes[1].prompt_tokens", "does not apply", "ttft_s");
        yield return Case("ProviderModelWithoutGatewayPool", WithGateway().Replace("  gateway: {kind: tee_gateway, nodes: 1, slots: 4, provider_rps: 10}\n", ""),
            "roles.gateway", "pool \"gateway\" (the default when roles does not name one) does not exist", "need a pool of kind: tee_gateway");
        yield return Case("AdaptivePolicyWithAGatewayClass", WithGateway() + "policy: {name: adaptive, backlog_high: 10}\n",
            "policy", "may choose zkml or zkcrv at run time", "allowed with a gateway class: static");
    }
}
