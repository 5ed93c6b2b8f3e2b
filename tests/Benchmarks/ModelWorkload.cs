using System.Diagnostics;
using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Benchmarks;

/// <summary>
/// A shipped scenario with overrides, run in process on one thread: the simulation phase only (no files),
/// to count simulated requests per wall second. The rows of the performance table (README, "Performance")
/// that are about the model rather than the whole command.
/// </summary>
public sealed record ModelWorkload(string Name, string ScenarioPath, IReadOnlyList<string> Overrides)
{
    /// <summary>baseline.yaml as shipped (an hour, 5.5 req/s).</summary>
    public static ModelWorkload Baseline(string repo) => new("baseline.yaml, 3600 s", Path.Combine(repo, "Scenarios/baseline.yaml"), ["run.replications=1"]);

    /// <summary>M/M/4 at rho 0.9 through the full model (Scenarios/validation/mmc.yaml): about 4 million customers.</summary>
    public static ModelWorkload Mmc4M(string repo) => new("M/M/4 rho 0.9, 4M customers", Path.Combine(repo, "Scenarios/validation/mmc.yaml"),
        ["run.replications=1", "run.duration_s=1111111"]);

    /// <summary>One pool of 10,000 single-slot JSQ nodes at 5,000 req/s and rho 0.9 (mmc.yaml with the pool widened): 600,000 requests.</summary>
    public static ModelWorkload Jsq10k(string repo, int nodes = 10_000) => new($"{nodes:N0} JSQ nodes, 5,000 req/s", Path.Combine(repo, "Scenarios/validation/mmc.yaml"),
        ["run.replications=1", "run.duration_s=120", "run.warmup_s=20", $"pools.inference.nodes={nodes}", "pools.inference.slots=1",
         "pools.inference.dispatcher=jsq", "arrival_rate=5000", $"service_rate={5000.0 / 0.9 / nodes:R}"]);

    /// <summary>Runs one replication; returns requests arrived, events fired and the wall time of the simulation.</summary>
    public (long Requests, long Events, double Seconds) Run()
    {
        LoadedScenario loaded = ScenarioLoader.Load(ScenarioPath, Overrides, ScenarioCatalogs.Default);
        long start = Stopwatch.GetTimestamp();
        ReplicationResult r = ReplicationRunner.Run(loaded.Scenario, 1, ScenarioCatalogs.Default)[0];
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (r.Metrics.Arrived, r.EventsFired, seconds);
    }

    /// <summary>The repository root: the first folder up from here holding Scenarios/baseline.yaml.</summary>
    public static string FindRepository()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Scenarios", "baseline.yaml"))) return dir;
        for (string? dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "Scenarios", "baseline.yaml"))) return dir;
        throw new DirectoryNotFoundException("run from inside the repository (Scenarios/baseline.yaml not found)");
    }
}
