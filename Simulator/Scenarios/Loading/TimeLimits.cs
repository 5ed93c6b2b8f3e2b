using System.Globalization;
using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Refuses a scenario in which some delay would be absurdly long on average (a service, proof, fetch, hop,
/// block or consensus time beyond 1e9 s = 31 years, e.g. from 1e308 or a speed of 1e-320): such a value is a
/// typo, no run could show its effect, and products of such numbers overflow to infinity mid-run. Each delay
/// is the mean of its distribution times its factors, on the slowest node that can do the work.
/// </summary>
internal static class TimeLimits
{
    /// <summary>Longest mean delay; the same bound as the longest run (<see cref="ResourceLimits.MaxDurationSeconds"/>).</summary>
    public const double MaxMeanSeconds = ResourceLimits.MaxDurationSeconds;

    /// <summary>
    /// The time resolution: a scheduled interval (run length, sampling, failures, repairs, backoff, blocks) shorter than
    /// 1 µs is refused. Latencies are recorded in whole microseconds, and at the longest run (1e9 s) a double clock
    /// still resolves steps of ~1e-7 s, so anything finer would not move the clock or would loop at one instant.
    /// </summary>
    public const double ResolutionSeconds = 1e-6;

    /// <summary>One factor of a delay: its value, the field it comes from, and the value to show when that differs (a speed divides).</summary>
    private readonly record struct Factor(string What, double Value, string Field, double? Shown = null);

    public static void Check(Scenario s, Action<string, string> report, ScenarioCatalogs catalogs)
    {
        double Mean(ComponentSpec spec) => catalogs.Distributions.Describe(spec).Mean;
        Factor SlowestOf(string? poolName)
        {
            if (poolName is null || !s.Pools.TryGetValue(poolName, out PoolConfig? pool)) return new("speed", 1, "");
            return new($"/ speed of pool {pool.Name}", 1 / pool.Speed, $"pools.{pool.Name}.speed", pool.Speed);
        }
        void Delay(string what, params Factor[] factors)
        {
            double seconds = factors.Aggregate(1.0, (product, f) => product * f.Value);
            if (seconds <= MaxMeanSeconds) return; // NaN and infinity fall through
            // Blame the factor farthest from 1: the one that is most likely the typo.
            Factor culprit = factors.MaxBy(f => double.IsNaN(f.Value) ? double.PositiveInfinity : Math.Abs(Math.Log10(Math.Max(f.Value, double.Epsilon))));
            var shown = factors.Where((f, i) => i == 0 || f.Value != 1).ToList();
            string terms = string.Concat(shown.Select((f, i) => f.What.StartsWith('/') ? $" {f.What} {F(f.Shown ?? f.Value)}"
                : i == 0 ? $"{f.What} {F(f.Value)}" : $" x {f.What} {F(f.Value)}"));
            report(culprit.Field.Length > 0 ? culprit.Field : factors[0].Field,
                $"{what} would take {terms} = {F(seconds)} s on average; at most {F(MaxMeanSeconds)} s (31 years, the longest run): check this value");
        }

        void Floor(string field, double seconds, bool zeroAllowed = false)
        {
            if (seconds >= ResolutionSeconds || (zeroAllowed && seconds == 0)) return;
            report(field, $"{F(seconds)} s is below the time resolution of {F(ResolutionSeconds)} s (1 µs){(zeroAllowed ? "; give 0 or at least 1e-6" : "; give at least 1e-6")}");
        }
        Floor("run.duration_s", s.Run.DurationSeconds);
        Floor("run.sample_interval_s", s.Run.SampleIntervalSeconds);

        // Fault times are scheduled delays too: an absurd MTBF, repair time, outage or backoff would overflow the clock.
        FaultsConfig faults = s.FaultsOrNone;
        foreach (NodeFailureConfig f in faults.NodeFailures)
        {
            // A node that fails or is repaired in no time loops at one instant.
            Floor($"faults.node_failures.{f.Pool}.mtbf_s", Mean(f.TimeBetweenFailures));
            Floor($"faults.node_failures.{f.Pool}.mttr_s", Mean(f.TimeToRepair));
        }
        Floor("faults.retry_backoff_s", faults.RetryBackoffSeconds, zeroAllowed: true);
        foreach (NodeFailureConfig f in faults.NodeFailures)
        {
            Delay($"a failure of a node of pool {f.Pool}", new Factor("mtbf_s", Mean(f.TimeBetweenFailures), $"faults.node_failures.{f.Pool}.mtbf_s"));
            Delay($"a repair of a node of pool {f.Pool}", new Factor("mttr_s", Mean(f.TimeToRepair), $"faults.node_failures.{f.Pool}.mttr_s"));
        }
        for (int o = 0; o < faults.Outages.Count; o++)
            Delay($"outage {o} (start + duration)", new Factor("start_s + duration_s", faults.Outages[o].EndSeconds, $"faults.outages[{o}].duration_s"));
        Delay("a retry backoff", new Factor("retry_backoff_s", faults.RetryBackoffSeconds, "faults.retry_backoff_s"));
        if (faults.DataSource is { } ds && ds.DurationSeconds < double.MaxValue)
            Delay("the data-source fault window", new Factor("start_s + duration_s", ds.StartSeconds + ds.DurationSeconds, "faults.data_source.duration_s"));

        Factor inferenceSpeed = SlowestOf(s.Roles.Inference);
        Factor proverSpeed = SlowestOf(s.Roles.Prover ?? s.Roles.Inference);
        for (int i = 0; i < s.Traffic.Classes.Count; i++)
        {
            RequestClassConfig c = s.Traffic.Classes[i];
            string at = $"traffic.classes[{i}]";
            Factor work;
            ModelProfile? model = c.Model is { } m && s.Models.TryGetValue(m, out ModelProfile? profile) ? profile : null;
            if (model?.Provider is { } provider)
            {
                // A provider call: time to first token, then output tokens x time per token; not slowed by any node.
                double ttft = Mean(provider.TtftSeconds), decode = Mean(c.OutputTokens!) * Mean(provider.TpotSeconds);
                Delay($"a provider call of class {c.Name}", ttft >= decode
                    ? new Factor("ttft_s", ttft, $"models.{model.Name}.ttft_s")
                    : new Factor("output tokens x tpot_s", decode, $"models.{model.Name}.tpot_s"));
                continue;
            }
            if (model?.InferenceSeconds is { } profileCost)
                work = new("the model's inference_s", Mean(profileCost), $"models.{model.Name}.inference_s");
            else if (model is not null)
            {
                double prefill = Mean(c.PromptTokens!) / model.PrefillTokensPerSecond, decode = Mean(c.OutputTokens!) * model.DecodeSecondsPerToken;
                work = prefill >= decode
                    ? new("prompt tokens / prefill_tokens_per_s", prefill, model.PrefillTokensPerSecond < 1 ? $"models.{model.Name}.prefill_tokens_per_s" : $"{at}.prompt_tokens")
                    : new("output tokens x decode_s_per_token", decode, model.DecodeSecondsPerToken > 1 ? $"models.{model.Name}.decode_s_per_token" : $"{at}.output_tokens");
            }
            else if (c.InferenceSeconds is { } fixedCost) work = new("inference_s", Mean(fixedCost), $"{at}.inference_s");
            else continue;
            bool tee = c.PathWeights.GetValueOrDefault(VerificationPath.Tee) > 0;
            Delay($"inference of class {c.Name}", work,
                new("TEE overhead", tee ? s.Paths.Tee.InferenceOverheadFactor : 1, "paths.tee.inference_overhead"), inferenceSpeed);
            bool proven = c.PathWeights.GetValueOrDefault(VerificationPath.Zkml) > 0
                || (c.PathWeights.GetValueOrDefault(VerificationPath.ZkCrv) > 0 && s.Paths.ZkCrv.ChallengeProbability > 0);
            if (!proven) continue;
            ComponentSpec? proof = model?.ProofSeconds ?? s.Paths.Zkml.ProofSeconds;
            if (proof is not null)
                Delay($"a ZKML proof for class {c.Name}", new Factor("proof_s", Mean(proof), model?.ProofSeconds is not null ? $"models.{model.Name}.proof_s" : "paths.zkml.proof_s"), proverSpeed);
            else
                Delay($"a ZKML proof for class {c.Name}", new Factor("proof_overhead", s.Paths.Zkml.ProofOverheadFactor, "paths.zkml.proof_overhead"), work, proverSpeed);
        }

        foreach (PoolConfig g in s.Pools.Values.Where(p => p.Gateway is not null))
        {
            Delay("a gateway's enclave overhead", new Factor("enclave_overhead_s", Mean(g.Gateway!.EnclaveOverheadSeconds), $"pools.{g.Name}.enclave_overhead_s"));
            Delay("a gateway's signature", new Factor("sign_s", Mean(g.Gateway.SignSeconds), $"pools.{g.Name}.sign_s"));
            Delay("a gateway's spacing of provider calls", new Factor("1 / provider_rps", 1 / g.Gateway.ProviderRps, $"pools.{g.Name}.provider_rps"));
        }
        if (s.Traffic.Classes.Any(c => c.NeedsDataProbability > 0))
            Delay("a data fetch", new Factor("external_latency_s", Mean(s.Data.ExternalLatency), "data.external_latency_s"),
                new("enclave_overhead", s.Data.EnclaveOverheadFactor, "data.enclave_overhead"), SlowestOf(s.Roles.Data));
        Factor verifierSpeed = SlowestOf(s.Roles.Verification);
        Delay("a ZKML verification", new Factor("verify_s", Mean(s.Paths.Zkml.VerifySeconds), "paths.zkml.verify_s"), verifierSpeed);
        Delay("a TEE verification", new Factor("verify_s", Mean(s.Paths.Tee.VerifySeconds), "paths.tee.verify_s"), verifierSpeed);
        Delay("a ZK-CRV check", new Factor("verify_s", Mean(s.Paths.ZkCrv.VerifySeconds), "paths.zkcrv.verify_s"), verifierSpeed);
        Delay("a Vanilla verification", new Factor("verify_s", Mean(s.Paths.Vanilla.VerifySeconds), "paths.vanilla.verify_s"), verifierSpeed);
        Delay("an attestation", new Factor("attest_s", Mean(s.Paths.Tee.AttestSeconds), "paths.tee.attest_s"));
        Delay("a signature", new Factor("sign_s", Mean(s.Paths.Vanilla.SignSeconds), "paths.vanilla.sign_s"));
        Delay("a network hop", new Factor("hop_latency_s", Mean(s.Network.HopLatency), "network.hop_latency_s"));
        Delay("the ZK-CRV challenge window", new Factor("challenge_window_s", s.Paths.ZkCrv.ChallengeWindowSeconds, "paths.zkcrv.challenge_window_s"));
        SettlementConfig chain = s.Settlement;
        if (chain.Mode != SettlementMode.Blocks) return;
        Delay("the block interval", new Factor("block_interval_s", chain.BlockIntervalSeconds, "settlement.block_interval_s"));
        Floor("settlement.block_interval_s", chain.BlockIntervalSeconds);
        int validators = chain.Validators ?? (s.Pools.TryGetValue(s.Roles.Verification, out PoolConfig? v) ? v.Nodes : 1);
        if (chain.Consensus is { MessageDelaySeconds: { } delay } quorum)
            Delay("quorum consensus", new Factor("message_delay_s", Mean(delay), "settlement.consensus.message_delay_s"),
                new Factor("phases", quorum.Phases, "settlement.consensus.phases"));
        else
        {
            Delay("consensus", new Factor("consensus_base_s", chain.ConsensusBaseSeconds, "settlement.consensus_base_s"));
            Delay("consensus", new Factor("consensus_per_validator_s", chain.ConsensusPerValidatorSeconds, "settlement.consensus_per_validator_s"),
                new Factor("validators", validators, "settlement.validators"));
        }
        if (chain.Batch is { } batch)
        {
            Delay("a batch's wait", new Factor("max_wait_s", batch.MaxWaitSeconds, "settlement.batch.max_wait_s"));
            Delay("an aggregation job", new Factor("aggregate_s", batch.AggregateSeconds, "settlement.batch.aggregate_s"), proverSpeed);
        }
    }

    private static string F(double x) => x.ToString(x is >= 1e6 or (> 0 and < 1e-3) ? "0.###e0" : "0.######", CultureInfo.InvariantCulture);
}
