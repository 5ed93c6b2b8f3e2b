using System.Diagnostics;
using System.Globalization;
using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Reports;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Summary;
using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;

namespace HacaSim.Benchmarks;

/// <summary>
/// Where a run's fixed cost after the simulation goes: one replication of a workload, then each file writer of
/// <see cref="RunOutputs"/> timed alone, one after the other (ROUNDS times: the first round includes the JIT),
/// and the whole parallel <see cref="RunOutputs.Write"/>. Wall milliseconds on one thread, and the process's CPU milliseconds
/// in the same span (on a loaded machine the steadier of the two; a chart encodes its PNG on a second thread); for profiling only.
/// </summary>
public static class OutputsHarness
{
    public static int Run(string name, int rounds, TextWriter output)
    {
        string repo = ModelWorkload.FindRepository();
        ModelWorkload workload = name switch
        {
            "baseline" => ModelWorkload.Baseline(repo),
            "short" => new ModelWorkload("baseline.yaml, 60 s", Path.Combine(repo, "Scenarios/baseline.yaml"), ["run.replications=1", "run.duration_s=60", "run.warmup_s=10"]),
            "mmc" => ModelWorkload.Mmc4M(repo),
            // The --threads rows of whole-process.sh: 8 replications of 60,000 s (sampled every 10 s as shipped, or every 100 s).
            "threads" => new ModelWorkload("baseline.yaml, 8 x 60,000 s", Path.Combine(repo, "Scenarios/baseline.yaml"), ["run.replications=8", "run.duration_s=60000"]),
            "threads100" => new ModelWorkload("baseline.yaml, 8 x 60,000 s, samples every 100 s", Path.Combine(repo, "Scenarios/baseline.yaml"),
                ["run.replications=8", "run.duration_s=60000", "run.sample_interval_s=100"]),
            _ => throw new ArgumentException($"--outputs {name}: expected baseline, short, mmc, threads or threads100"),
        };
        LoadedScenario loaded = ScenarioLoader.Load(workload.ScenarioPath, workload.Overrides, ScenarioCatalogs.Default);
        long simStart = Stopwatch.GetTimestamp();
        IReadOnlyList<ReplicationResult> results = ReplicationRunner.Run(loaded.Scenario, 1, ScenarioCatalogs.Default);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workload.Name}: simulation {Stopwatch.GetElapsedTime(simStart).TotalSeconds:F2} s on one thread, {results.Count} replication(s)"));
        string title = loaded.Scenario.Name;
        double warmup = loaded.Scenario.Run.WarmupSeconds;
        for (int round = 0; round < rounds; round++)
        {
            string dir = Directory.CreateTempSubdirectory("outputs-harness").FullName;
            string F(string file) => Path.Combine(dir, file);
            string summary = "";
            RunSummary typed = null!;
            var steps = new (string Name, Action Write)[]
            {
                ("summary (typed + json text)", () => summary = RunSummaryWriter.Write(typed = RunSummaries.Of(loaded.Scenario, results))),
                ("timeseries.csv", () => CsvExport.Write(F("timeseries.csv"), results.SelectMany(r => r.TimeSeries))),
                ("proof_lag.csv", () => CsvExport.Write(F("proof_lag.csv"), results.SelectMany(r => r.ProofLag))),
                ("timeseries.parquet", () => ParquetExport.Write(F("timeseries.parquet"), results.SelectMany(r => r.TimeSeries))),
                ("proof_lag.parquet", () => ParquetExport.Write(F("proof_lag.parquet"), results.SelectMany(r => r.ProofLag))),
                ("queue_length chart", () => QueueLengthChart.Save(results[0].TimeSeries, title, F("queue_length"), warmup)),
                ("proof_lag chart", () => ProofLagChart.Save(results[0].ProofLag, title, F("proof_lag"), warmup)),
                ("latency_cdf chart", () => LatencyCdfChart.Save(RunOutputs.LatencyCdfs(results), title, F("latency_cdf"))),
                ("report (md + html)", () => RunReport.Write(dir, RunReportInput.Of(typed, loaded.ResolvedYaml))),
            };
            foreach (var (step, write) in steps)
            {
                long start = Stopwatch.GetTimestamp();
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                write();
                double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} {step,-30} {Stopwatch.GetElapsedTime(start).TotalMilliseconds,8:F1} ms  cpu {cpuMs,8:F1} ms"));
            }
            Directory.Delete(dir, recursive: true);
            string whole = Path.Combine(Path.GetTempPath(), $"outputs-harness-whole-{Guid.NewGuid():N}");
            long t = Stopwatch.GetTimestamp();
            TimeSpan wholeCpu = Process.GetCurrentProcess().TotalProcessorTime;
            new RunOutputs(whole, loaded, logRequests: false).Write(results);
            double wholeCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - wholeCpu).TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} {"RunOutputs.Write (parallel)",-30} {Stopwatch.GetElapsedTime(t).TotalMilliseconds,8:F1} ms  cpu {wholeCpuMs,8:F1} ms"));
            Directory.Delete(whole, recursive: true);
        }
        return 0;
    }
}
