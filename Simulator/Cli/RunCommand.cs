using System.CommandLine;
using HacaSim.Analysis.Charts;
using HacaSim.Analysis.Output;
using System.Globalization;
using System.Runtime.CompilerServices;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Output;
using HacaSim.Experiments.Run;
using HacaSim.Experiments.Sharding;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Cli;

/// <summary><c>hacasim run SCENARIO</c>: run the replications and write the results directory.</summary>
internal static class RunCommand
{
    /// <param name="cancel">An interrupt: stops the replications and leaves the results directory marked INCOMPLETE.</param>
    /// <param name="args">The whole command line, recorded in the INCOMPLETE marker.</param>
    /// <param name="stderr">Where notes go (leftover staging directories of killed runs).</param>
    /// <param name="merged">Set by <c>hacasim merge</c>: the replications come from these parts instead of being run.</param>
    public static Command Create(TextWriter stdout, CancellationToken cancel = default, IReadOnlyList<string>? args = null, PartSet? merged = null,
        TextWriter? stderr = null)
    {
        var shard = new ShardOptions();
        var scenario = CommonOptions.Scenario();
        var set = CommonOptions.Set();
        var outDir = new Option<string?>("--out") { Description = "Results directory [default: results/runs/<scenario>-<timestamp>/]." };
        var seed = new Option<ulong?>("--seed") { Description = "Run seed (overrides run.seed); one seed gives byte-identical output." };
        var replications = new Option<int?>("--replications") { Description = "Independent replications (overrides run.replications)." };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds (overrides run.duration_s)." };
        var warmup = new Option<string?>("--warmup")
        {
            Description = "Seconds cut from the start of statistics (overrides run.warmup_s), or 'auto': MSER-5 on the mean backlog of the " +
                $"busiest stable pool over {WarmupDetector.PilotReplications} pilot replications without a cut (run.warmup_s is then ignored).",
        };
        var precision = new Option<double?>("--precision")
        {
            Description = "Run replications in batches until the metric's 95% half-width is at most REL x its mean (e.g. 0.05).",
        };
        var precisionMetric = new Option<string?>("--precision-metric")
        {
            Description = "Metric for --precision: slowest-path (mean time to trust of the slowest path, default), paths.PATH.STAT or pools.POOL.STAT, e.g. paths.zkml.proof_lag_s.",
        };
        var maxReplications = new Option<int?>("--max-replications")
        {
            Description = $"Upper limit on replications with --precision [default: {RunSettings.DefaultMaxReplications}].",
        };
        var threads = new Option<int>("--threads") { Description = "Replications run in parallel; output is identical for any value.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var logRequests = new Option<bool>("--log-requests") { Description = "Also write requests.csv with every request's timestamps." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the results directory." };
        var force = CommonOptions.Force();
        var command = new Command("run", "Run a scenario and write summary.json, time series, charts and the resolved scenario.\n\n" +
            "Examples:\n  hacasim run Scenarios/baseline.yaml\n  hacasim run Scenarios/baseline.yaml --set zkml_share=0.5 --replications 5 --out results/runs/zk50\n" +
            "  hacasim run Scenarios/validation/mmc.yaml --set servers=8 --set arrival_rate=7.2\n\n" +
            "Policies, dispatchers, disciplines, arrival processes and distributions: see 'hacasim list'.")
        {
            scenario, outDir, force, seed, replications, duration, warmup, set, threads, logRequests, quiet, precision, precisionMetric, maxReplications,
        };
        shard.AddTo(command);
        command.SetAction(parse =>
        {
            var overrides = new List<string>(parse.GetValue(set) ?? []);
            // The run options are key-path overrides, so scenario.resolved.yaml records them too.
            if (parse.GetValue(seed) is { } s) overrides.Add($"run.seed={s.ToString(CultureInfo.InvariantCulture)}");
            if (parse.GetValue(replications) is { } r) overrides.Add($"run.replications={r.ToString(CultureInfo.InvariantCulture)}");
            if (parse.GetValue(duration) is { } d) overrides.Add($"run.duration_s={d.ToString("R", CultureInfo.InvariantCulture)}");
            bool autoWarmup = parse.GetValue(warmup) == "auto";
            if (parse.GetValue(warmup) is { } w && !autoWarmup)
            {
                if (!double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds >= 0))
                    throw new InputException($"--warmup {w}: expected a number of seconds >= 0 or 'auto'");
                overrides.Add($"run.warmup_s={seconds.ToString("R", CultureInfo.InvariantCulture)}");
            }
            if (parse.GetValue(threads) < 1) throw new InputException($"--threads {parse.GetValue(threads)}: must be at least 1");
            double? rel = parse.GetValue(precision);
            if (rel is { } r0 && !(r0 > 0 && r0 < 1)) throw new InputException($"--precision {r0}: expected a relative half-width between 0 and 1, e.g. 0.05");
            if (rel is null && (parse.GetValue(precisionMetric) is not null || parse.GetValue(maxReplications) is not null))
                throw new InputException("--precision-metric and --max-replications need --precision");
            int maxReps = parse.GetValue(maxReplications) ?? RunSettings.DefaultMaxReplications;
            if (maxReps < 2) throw new InputException($"--max-replications {maxReps}: must be at least 2");
            var settings = new RunSettings(parse.GetValue(scenario)!, overrides, parse.GetValue(threads), autoWarmup, rel, parse.GetValue(precisionMetric), maxReps);
            var context = new ExperimentContext(stdout, stderr, parse.GetValue(outDir), parse.GetValue(force), parse.GetValue(quiet), settings.Threads,
                parse.GetValue(shard.Shard), merged, merged is not null ? parse : null, cancel);
            return Execute(new ExperimentSpec(ExperimentKind.Run, settings.ScenarioPath, overrides), settings, parse.GetValue(logRequests), context, args);
        });
        return command;
    }

    /// <summary>
    /// The first-use cost of the charts (SkiaSharp's native library, the system font scan ScottPlot does once, JIT) and of
    /// the CSV, Parquet and JSON writers, readied on a core the replications leave idle: a short run loads its scenario
    /// and simulates in less time than this takes, and the files come after. Writes nothing. Once per process: what it
    /// readies is process-wide, so a second command in the same process (the tests run hundreds in one) gained nothing
    /// from it and paid a chart render and two Parquet writes each time; the cores it watches are the machine's, shared
    /// by every command in the process.
    /// </summary>
    private static readonly SpareCoreWarmup Warmup = new();

    private sealed class SpareCoreWarmup
    {
        private int _started;

        public SpareCores Cores { get; } = SpareCores.ForThisMachine();

        /// <summary>Starts the warm-up (the first time only) for a command running replications on <paramref name="threads"/> threads.</summary>
        public SpareCores Start(int threads)
        {
            // Its own thread, not a pool thread: it may wait for most of the run, and the replications' parallel loop
            // takes its workers from the pool.
            if (Interlocked.Exchange(ref _started, 1) == 0)
                new Thread(() => Run(everyCore: threads >= Environment.ProcessorCount)) { IsBackground = true, Name = "hacasim warm-up" }.Start();
            return Cores;
        }

        /// <summary>
        /// The writers' part first, at once: it is the shorter one (~0.15 s) and fits in start-up, before the replications
        /// begin. The charts' part (~0.5 s) then waits for a core with no replication on it. With fewer threads than cores
        /// that is at once, as before. When the replications use every core it is the tail, once a worker has no
        /// replication left to take (or the outputs, if the tail is shorter): run beside both workers it took ~0.5 s of CPU
        /// from them and lengthened the replication phase of issue 19's --threads row, while on one thread it is free.
        /// </summary>
        private void Run(bool everyCore)
        {
            OutputWarmup.Run();
            if (everyCore) Cores.WaitForSpareCoreAfterStart();
            // Once the outputs are being written, the fonts (which every chart waits for) are all the warm-up still
            // readies: its own chart would only take a core from the real ones. Measured under Native AOT (issue 19),
            // baseline.yaml at 60 simulated seconds: the font scan ends ~0.2 s after the outputs begin, and the
            // warm-up's drawing then ran beside three chart writers on two cores.
            // In the Native AOT binary it never draws: the chart code is compiled already, so drawing readies nothing the
            // first real chart does not ready as fast, and its bitmap (3.4 MB) was alive beside the writers' whenever the
            // outputs began during it: peak memory of baseline.yaml at 3,600 s 51-54 MB with it, 44-46 MB without, the same
            // wall time (issue 19, 2026-11-30, 4 runs each).
            ChartWarmup.Run(renderStillUseful: () => RuntimeFeature.IsDynamicCodeCompiled && !Cores.OutputsBegun);
        }
    }

    /// <summary>A merge's run: the replications read from the parts, written as the unsharded run with these settings writes them.</summary>
    public static int Execute(ExperimentSpec spec, ExperimentContext context, IReadOnlyList<string> args) =>
        Execute(spec, new RunSettings(spec.Scenario, spec.Overrides, context.Threads), logRequests: false, context, args);

    private static int Execute(ExperimentSpec spec, RunSettings settings, bool logRequests, ExperimentContext context, IReadOnlyList<string>? args)
    {
        SpareCores spare = Warmup.Start(settings.Threads);
        TextWriter stdout = context.Stdout;
        TextWriter? stderr = context.Stderr;
        CancellationToken cancel = context.Cancel;
        var overrides = settings.Overrides;
        bool autoWarmup = settings.AutoWarmup;
        // With --warmup auto the file's run.warmup_s is replaced by the detected cut, so it must not be checked
        // against this run's length: the scenario is read without a warm-up (the pilot runs without one anyway).
        var source = ScenarioSource.Read(settings.ScenarioPath);
        var loaded = source.With(autoWarmup ? [.. overrides, "run.warmup_s=0"] : overrides);
        foreach (string warning in loaded.Warnings) (stderr ?? Console.Error).WriteLine($"warning: {warning}");
        cancel.ThrowIfCancellationRequested();
        UnitExecution execution = ShardOptions.Execution(context, spec, () => loaded);
        // Sequential stopping decides the next batch from all results so far, and the warm-up pilot changes the
        // scenario: neither splits into independent units. Request rows are not kept in parts.
        if (!execution.IsLocal && (settings.Precision is not null || autoWarmup || logRequests))
            throw new InputException("--precision, --warmup auto and --log-requests cannot be combined with --shard or merge; " +
                "run them unsharded, or shard a fixed --replications with a fixed --warmup");
        var target = ResultDirectory.Claim(context.Out, ResultDirectory.DefaultPath("runs", loaded.Scenario.Name), context.Force);
        if (target.LeftoverNote() is { Length: > 0 } note) (stderr ?? TextWriter.Null).WriteLine(note);
        var outputs = new RunOutputs(target.Staging, loaded, logRequests) { CommandLine = IncompleteMarker.CommandLine(args ?? ["run"]) };
        RunSummary? summary = null;
        try
        {
            if (!execution.IsLocal) summary = RunUnits(execution, settings, loaded, outputs, spare, cancel);
            else
            {
                using (outputs.OpenRequestLog())
                {
                    summary = ReplicationProgress.Run(!context.Quiet, loaded.Scenario.Run.DurationSeconds, (onPlanned, onDone, progress) =>
                        RunExecution.Execute(settings, source, loaded, outputs, ScenarioCatalogs.Default, onPlanned, onDone, cancel, progress, spare).Summary);
                }
            }
            target.Complete();
        }
        catch (OperationCanceledException e) when (!execution.WritesPart)
        {
            // An interrupted run keeps its directory, marked INCOMPLETE, where the user asked for it.
            string? kept = target.Abandon(keepIncomplete: true);
            if (kept is null) throw;
            throw new RunInterruptedException(kept, e);
        }
        catch
        {
            target.Abandon(keepIncomplete: false);
            throw;
        }
        string dir = target.Target;
        if (summary is null) ShardOptions.PrintPart(stdout, dir);
        else if (context.Quiet) stdout.WriteLine(dir);
        else ConsoleSummary.Print(stdout, summary, dir);
        return Program.Success;
    }

    /// <summary>
    /// The replications as work units (key "run/replication/i", streams of replication i as always): one shard's
    /// (written as a part; returns null), or all from parts, written as an unsharded run would.
    /// </summary>
    private static RunSummary? RunUnits(UnitExecution execution, RunSettings settings, LoadedScenario loaded, RunOutputs outputs,
        SpareCores spare, CancellationToken cancel)
    {
        var units = WorkUnit.For([("run", loaded.Scenario)]);
        IReadOnlyList<ReplicationResult>? results =
            execution.Results(units, outputs.Directory, u => WorkUnitRunner.Run(u, settings.Threads, ScenarioCatalogs.Default, cancel: cancel, spare: spare));
        if (results is null) return null;
        spare.BeginOutputs();
        // The same write as an unsharded run with a fixed warm-up and replication count (RunExecution).
        using (outputs.OpenRequestLog()) return outputs.Write(results, new RunAnnotations(null, null), loaded, cancel);
    }
}
