using FsCheck.Fluent;
using FsCheck;
using HacaSim.Model;
using HacaSim.Scenarios;
using static HacaSim.Tests.Properties.ScenarioSpec;

namespace HacaSim.Tests.Properties;

/// <summary>
/// FsCheck generators of small valid scenarios (<see cref="ScenarioSpec"/>) and a shrinker that makes a failing
/// one simpler while keeping it valid. Runs stay small: 200-2000 s, at most ~1,500 expected arrivals per replication.
/// </summary>
internal static class ScenarioGenerators
{
    private static readonly string[] Dispatchers = ["random", "round_robin", "jsq"];
    private static readonly string[] Disciplines = ["fifo", "priority_by_path", "edf"];
    private static readonly string[] ArrivalKinds = ["poisson", "deterministic", "renewal", "onoff"];

    public static Arbitrary<ScenarioSpec> Scenarios() => Arb.From(Scenario(), Shrink);

    /// <summary>A double in [lo, hi], in 1/1000 steps of the range (shrinks and prints well).</summary>
    private static Gen<double> Between(double lo, double hi) => Gen.Choose(0, 1000).Select(i => lo + (hi - lo) * i / 1000.0);

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (1, gen.Select(x => (T?)x)));

    private static Gen<string?> MaybeText(Gen<string> gen) =>
        Gen.Frequency((1, Gen.Constant<string?>(null)), (1, gen.Select(x => (string?)x)));

    /// <summary>A non-negative duration with mean around <paramref name="mean"/>: every distribution family the loader knows.</summary>
    public static Gen<string> Duration(double mean) => Gen.OneOf(
        Between(0, 2 * mean).Select(F),
        Between(mean / 2, 2 * mean).Select(m => $"{{dist: exponential, mean: {F(m)}}}"),
        Between(0, mean).Select(lo => $"{{dist: uniform, min: {F(lo)}, max: {F(lo + mean)}}}"),
        from m in Between(mean / 2, 2 * mean) from cv in Between(0, 2) select $"{{dist: lognormal, mean: {F(m)}, cv: {F(cv)}}}",
        from m in Between(mean / 2, 2 * mean) from cv in Between(0, 2) select $"{{dist: gamma, mean: {F(m)}, cv: {F(cv)}}}",
        from sh in Between(0.5, 3) from sc in Between(mean / 2, 2 * mean) select $"{{dist: weibull, shape: {F(sh)}, scale: {F(sc)}}}",
        from m in Between(0, 2 * mean) from sd in Between(mean / 100, mean) select $"{{dist: normal, mean: {F(m)}, sd: {F(sd)}}}",
        Gen.ArrayOf(Between(0, 3 * mean), 3).Select(v => $"{{dist: empirical, values: [{string.Join(", ", v.Select(F))}]}}"),
        Between(0, 2 * mean).Select(v => $"{{dist: deterministic, value: {F(v)}}}"));

    private static Gen<string> Tokens(double mean) => Gen.OneOf(
        Between(1, 2 * mean).Select(F),
        from m in Between(mean / 2, 2 * mean) from cv in Between(0, 1.5) select $"{{dist: lognormal, mean: {F(m)}, cv: {F(cv)}}}",
        Between(1, mean).Select(lo => $"{{dist: uniform, min: {F(lo)}, max: {F(lo + mean)}}}"));

    private static Gen<PoolSpec> Pool(int index) =>
        from nodes in Gen.Choose(1, 4)
        from slots in Gen.Choose(1, 4)
        from speed in Between(0.5, 2)
        from tee in Gen.Choose(0, nodes)
        from dispatcher in Gen.Elements(Dispatchers)
        from discipline in Gen.Elements(Disciplines)
        from capacity in Maybe(Gen.Choose(0, 5))
        select new PoolSpec($"pool{index}", nodes, slots, speed, tee, dispatcher, discipline, capacity);

    private static Gen<ClassSpec> Class(int index) =>
        from share in Gen.Frequency((1, Gen.Constant(0.0)), (6, Between(0.1, 5)))
        from tokenBased in Gen.Elements(false, true)
        from cost in Duration(0.5)
        from prompt in Tokens(500)
        from output in Tokens(100)
        from needsData in Gen.Elements(0.0, 0.0, 0.3, 1.0)
        from deadline in Maybe(Between(1, 200))
        from weights in Gen.ArrayOf(Gen.Elements(0.0, 0.0, 0.5, 1.0, 3.0), 4)
        from own in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Elements(ArrivalKinds).Select(k => (string?)k)))
        select new ClassSpec($"class{index}", share, tokenBased ? null : cost, prompt, output, needsData, deadline, weights, own);

    private static Gen<ChainSpec> Chain() =>
        from blocks in Gen.Elements(true, false)
        from interval in Between(0.2, 5)
        from capacity in Gen.Choose(1, 50)
        from consensusBase in Between(0, 1)
        from perValidator in Between(0, 0.05)
        from validators in Maybe(Gen.Choose(1, 10))
        from synchronous in Gen.Elements(false, true)
        from replication in Maybe(Gen.Choose(1, 4))
        from overhead in Between(1, 20)
        from proof in MaybeText(Duration(2))
        from zkVerify in Duration(0.01)
        from teeOverhead in Between(1, 2)
        from attest in Duration(0.01)
        from teeVerify in Duration(0.005)
        from challenge in Gen.Elements(0.0, 0.1, 0.5, 1.0)
        from window in Between(0, 30)
        from sign in Duration(0.0001)
        from vanillaVerify in Duration(0.0001)
        from options in ChainOptions()
        select new ChainSpec(blocks, interval, capacity, consensusBase, perValidator, validators, synchronous, replication,
            overhead, proof, zkVerify, teeOverhead, attest, teeVerify, challenge, window, sign, vanillaVerify) { Options = options };

    /// <summary>Issue 15's chain: heights, quorum consensus, gas, on-chain verification, batches, order, a full mempool.</summary>
    private static Gen<ChainOptions> ChainOptions() =>
        from pipeline in Gen.Elements("1", "1", "2", "unbounded")
        from quorum in Gen.Elements(false, true)
        from gas in Gen.Elements(false, true)
        from onchain in Gen.Elements(false, false, true)
        from batch in Gen.Elements(0, 0, 1, 2)
        from priority in Gen.Elements(false, true)
        from mempool in Maybe(Gen.Choose(5, 100))
        select new ChainOptions(pipeline, quorum, gas, onchain, batch, priority, mempool);

    /// <summary>
    /// A faults block (pool names POOL_A and POOL_B are filled in when written): any interrupt rule, random
    /// node failures, a pool or TEE-vendor outage, a slow or failing data source, so the invariants are
    /// also checked while work is interrupted, held, retried, switched to a fallback path or failed.
    /// </summary>
    private static Gen<string> Faults() =>
        from rule in Gen.Elements("retry", "fallback", "fail")
        from retries in Gen.Choose(0, 3)
        from backoff in Between(0, 2)
        from failures in Gen.Elements(false, true)
        from mtbf in Duration(150)
        from mttr in Duration(40)
        from outage in Gen.Elements("none", "pool", "tee")
        from start in Between(0, 600)
        from length in Between(1, 300)
        from nodes in Maybe(Gen.Choose(1, 1))
        from source in Gen.Elements(false, true)
        from slowdown in Between(1, 5)
        from failing in Gen.Elements(0.0, 0.5, 1.0)
        select "faults:\n" +
            $"  on_interrupt: {rule}\n  max_retries: {retries}\n  retry_backoff_s: {F(backoff)}\n  fallback: {{tee: vanilla, zkml: zkcrv}}\n" +
            (failures ? $"  node_failures:\n    POOL_A: {{mtbf_s: {mtbf}, mttr_s: {mttr}}}\n" : "") +
            (outage == "pool" ? $"  outages:\n    - {{pool: POOL_B, start_s: {F(start)}, duration_s: {F(length)}" + (nodes is { } n ? $", nodes: {n}}}\n" : "}\n")
                : outage == "tee" ? $"  outages:\n    - {{tee_vendor: true, start_s: {F(start)}, duration_s: {F(length)}}}\n" : "") +
            (source ? $"  data_source: {{start_s: {F(start)}, duration_s: {F(length)}, slowdown: {F(slowdown)}, failure_probability: {F(failing)}}}\n" : "");

    public static Gen<ScenarioSpec> Scenario() =>
        from seed in Gen.Choose(0, int.MaxValue)
        from duration in Between(200, 2000)
        from warmup in Gen.Elements(0.0, 0.0, 0.1, 0.5)
        from replications in Gen.Choose(1, 3)
        from sample in Maybe(Between(5, 100))
        from arrival in Gen.Elements(ArrivalKinds)
        from asParameter in Gen.Elements(false, true)
        from arrivalsTarget in Between(10, 1500)
        from classCount in Gen.Choose(1, 3)
        from classes in Gen.CollectToArray(Enumerable.Range(0, classCount), Class)
        from poolCount in Gen.Choose(1, 4)
        from pools in Gen.CollectToArray(Enumerable.Range(0, poolCount), Pool)
        from verification in Gen.Choose(0, poolCount - 1)
        from data in Gen.Choose(0, poolCount - 1)
        from prover in Maybe(Gen.Choose(0, poolCount - 1))
        from chain in Chain()
        from prefill in Between(1000, 20000)
        from decode in Between(0.001, 0.05)
        from modelProof in MaybeText(Duration(5))
        from enclave in Between(1, 1.5)
        from external in Duration(0.15)
        from timeout in Maybe(Between(0.05, 2))
        from hop in Gen.Frequency((1, Gen.Constant("0")), (2, Duration(0.005)))
        from faults in Gen.Frequency((1, Gen.Constant<string?>(null)), (1, Faults().Select(f => (string?)f)))
        select new ScenarioSpec((ulong)seed, Math.Round(duration), warmup, replications, sample, arrival, asParameter, arrivalsTarget / Math.Round(duration),
            classes, pools, 0, verification, data, prover, chain, prefill, decode, modelProof, enclave, external, timeout, hop, faults).Repaired();

    /// <summary>Simpler variants of a failing scenario, each still valid: fewer parts first, then smaller numbers.</summary>
    public static IEnumerable<ScenarioSpec> Shrink(ScenarioSpec s)
    {
        var candidates = new List<ScenarioSpec>();
        for (int i = 0; s.Classes.Count > 1 && i < s.Classes.Count; i++)
            candidates.Add(s with { Classes = s.Classes.Where((_, j) => j != i).ToList() });
        if (s.Replications > 1) candidates.Add(s with { Replications = 1 });
        if (s.Pools.Count > 1 && s.Inference == 0)
            candidates.Add(s with { Pools = [s.Pools[0]], Verification = 0, Data = 0, Prover = s.Prover is null ? null : 0 });
        if (s.Prover is not null) candidates.Add(s with { Prover = null });
        if (s.Faults is not null) candidates.Add(s with { Faults = null });
        if (s.DurationSeconds > 100) candidates.Add(s with { DurationSeconds = Math.Round(s.DurationSeconds / 2) });
        if (s.RatePerSecond > 0.01) candidates.Add(s with { RatePerSecond = s.RatePerSecond / 2 });
        if (s.WarmupFraction > 0) candidates.Add(s with { WarmupFraction = 0 });
        if (s.Chain.Synchronous) candidates.Add(s with { Chain = s.Chain with { Synchronous = false } });
        if (s.Chain.Blocks) candidates.Add(s with { Chain = s.Chain with { Blocks = false } });
        if (s.HopLatency != "0") candidates.Add(s with { HopLatency = "0" });
        if (s.DataTimeoutSeconds is not null) candidates.Add(s with { DataTimeoutSeconds = null });
        if (s.Classes.Any(c => c.OwnArrival is not null)) candidates.Add(s with { Classes = s.Classes.Select(c => c with { OwnArrival = null }).ToList() });
        if (s.Arrival != "poisson") candidates.Add(s with { Arrival = "poisson" });
        if (s.Pools.Any(p => p.QueueCapacity is not null)) candidates.Add(s with { Pools = s.Pools.Select(p => p with { QueueCapacity = null }).ToList() });
        if (s.Pools.Any(p => p.Nodes > 1)) candidates.Add(s with { Pools = s.Pools.Select(p => p with { Nodes = 1, TeeCapable = Math.Min(p.TeeCapable, 1) }).ToList() });
        return candidates.Select(c => c.Repaired());
    }
}
