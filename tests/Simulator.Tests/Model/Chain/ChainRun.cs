using System.Globalization;
using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model.Chain;

/// <summary>
/// A scenario where only the chain queues: Poisson arrivals, a near-instant inference on ample slots, no
/// hops and free proofs, so items reach the mempool as a Poisson stream (shifted by 1 ms) and every delay
/// measured after that is the chain's own.
/// </summary>
internal static class ChainRun
{
    public const string FreeVanilla = "  vanilla: {sign_s: 0, verify_s: 0}\n";

    public static string Scenario(double rate, string settlement, string paths = "{vanilla: 1}", string pathCosts = FreeVanilla,
        string extra = "", double durationSeconds = 2000, double warmupSeconds = 100, string verification = "  verification: {nodes: 1, slots: 10000}\n") =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            name: chain
            run: {duration_s: {{durationSeconds}}, warmup_s: {{warmupSeconds}}}
            traffic:
              arrival: {process: poisson, rate: {{rate}}}
              classes:
                - name: job
                  inference_s: 0.001
                  paths: {{paths}}
            pools:
              inference: {nodes: 1, slots: 10000}
            {{verification}}paths:
            {{pathCosts}}settlement: {{settlement}}
            {{extra}}
            """);

    public static ReplicationResult Run(string yaml, int replication = 0, ulong seed = 1)
    {
        var scenario = ScenarioLoader.LoadText(yaml, "chain.yaml", []).Scenario;
        return new HacaNetwork(scenario, replication, new RandomStreams(seed).ForReplication(replication), ScenarioCatalogs.Default).Run();
    }

    /// <summary>Independent replications of the same scenario (one stream set each).</summary>
    public static List<ReplicationResult> Replications(string yaml, int count) =>
        Enumerable.Range(0, count).Select(i => Run(yaml, i)).ToList();
}
