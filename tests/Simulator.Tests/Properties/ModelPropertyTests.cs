using System.Diagnostics;
using FsCheck.Fluent;
using FsCheck;
using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Properties;

/// <summary>
/// Property-based tests of the model: FsCheck generates small random valid scenarios (as YAML, through the
/// loader), and every run must keep its invariants at every event, end every request once arrivals stop,
/// and be byte-for-byte deterministic per seed. A failure is shrunk to a simpler scenario and printed as YAML.
/// </summary>
public class ModelPropertyTests
{
    /// <summary>~0.07 s each on this machine (about 20 s in all); HACASIM_PROPERTY_COUNT=N tries more.</summary>
    private const int DefaultScenarios = 300;

    /// <summary>The drain ends long before this in any generated scenario; hitting it means a request is stuck.</summary>
    private const long MaxDrainEvents = 5_000_000;

    /// <summary>Fixed, so a failure reproduces; set HACASIM_PROPERTY_SEED=random (or a number) to explore further.</summary>
    private const ulong DefaultSeed = 20240801;

    [Test]
    public void Every_generated_scenario_keeps_the_invariants_and_is_deterministic()
    {
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        ulong seed = Seed();
        int scenarios = int.TryParse(Environment.GetEnvironmentVariable("HACASIM_PROPERTY_COUNT"), out int n) ? n : DefaultScenarios;
        Config config = Config.QuickThrowOnFailure.WithMaxTest(scenarios).WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), null));
        Prop.ForAll(ScenarioGenerators.Scenarios(), spec => CheckScenario(spec, tally)).Check(config);
        TestContext.Progress.WriteLine(
            $"model properties: {tally.Tried} generated scenarios tried in {clock.Elapsed.TotalSeconds:0.0} s (seed {seed}): " +
            $"{tally.Arrived} requests, {tally.Events} events checked one by one; {tally.Merged} with a merged pool, {tally.Dedicated} with a dedicated prover, " +
            $"{tally.Tokens} token-based, {tally.Data} fetching data, {tally.Synchronous} synchronous, {tally.Instant} instant settlement, {tally.Failures} with failed requests");
        Assert.That(tally.Tried, Is.GreaterThanOrEqualTo(scenarios));
    }

    private static ulong Seed()
    {
        string? text = Environment.GetEnvironmentVariable("HACASIM_PROPERTY_SEED");
        if (text is null) return DefaultSeed;
        return text == "random" ? (ulong)Random.Shared.NextInt64() : ulong.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CheckScenario(ScenarioSpec spec, Tally tally)
    {
        tally.Tried++;
        string yaml = spec.ToYaml();
        LoadedScenario loaded = ScenarioLoader.LoadText(yaml, "generated.yaml", []);
        Scenario scenario = loaded.Scenario;
        using var dir = new TempDirectory();

        // B: the production runner on two threads; C: the resolved YAML, reloaded, on one thread. Both run
        // beside A (independent simulations with their own files), and A's failure is reported before theirs.
        Task<string> b = Task.Run(() => ProductionRun(scenario, 2, dir.File("b.csv")));
        Task<string> c = Task.Run(() => ProductionRun(ScenarioLoader.LoadText(loaded.ResolvedYaml, "generated.yaml", []).Scenario, 1, dir.File("c.csv")));
        // A: every replication run by hand, checked after every event, then drained.
        (string Summary, List<RunMetrics> Metrics, long Events) a;
        try
        {
            a = CheckedRun(scenario, dir.File("a.csv"));
        }
        finally
        {
            // Never leave B or C writing into the directory that is deleted next.
            try { Task.WaitAll(b, c); } catch (AggregateException) { }
        }
        var (summaryA, metrics, events) = a;
        string summaryB = b.GetAwaiter().GetResult();
        string summaryC = c.GetAwaiter().GetResult();
        if (summaryB != summaryA) throw new InvariantException("summary.json differs between a checked run and ReplicationRunner on 2 threads (same seed)");
        if (summaryC != summaryA) throw new InvariantException("summary.json differs after reloading the resolved YAML (same seed)");
        byte[] logA = File.ReadAllBytes(dir.File("a.csv"));
        if (!logA.AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("b.csv"))) || !logA.AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("c.csv"))))
            throw new InvariantException("requests.csv differs between runs with the same seed");

        tally.Arrived += metrics.Sum(m => m.Arrived);
        tally.Events += events;
        if (spec.Merged) tally.Merged++;
        if (spec.Prover is not null) tally.Dedicated++;
        if (spec.UsesModel) tally.Tokens++;
        if (spec.NeedsData) tally.Data++;
        if (spec.Chain.Synchronous) tally.Synchronous++;
        if (!spec.Chain.Blocks) tally.Instant++;
        if (metrics.Any(m => m.Failed > 0)) tally.Failures++;
    }

    private static (string Summary, List<RunMetrics> Metrics, long Events) CheckedRun(Scenario scenario, string logPath)
    {
        var root = new RandomStreams(scenario.Run.Seed);
        var results = new List<ReplicationResult>();
        var runs = new List<(HacaNetwork Network, InvariantChecker Checker)>();
        using (var log = new RequestLog(logPath, scenario.Run.Replications))
        {
            for (int i = 0; i < scenario.Run.Replications; i++)
            {
                InvariantChecker? checker = null;
                var network = new HacaNetwork(scenario, i, root.ForReplication(i), ScenarioCatalogs.Default, new LateSink(() => checker!));
                checker = new InvariantChecker(network, scenario.Paths.ZkCrv.ChallengeWindowSeconds, scenario.Settlement.Synchronous, log.SinkFor(i));
                // Fire every event up to the end with a check after each; Run then only closes the books.
                network.Simulation.RunUntil(checker.AfterEvent, scenario.Run.DurationSeconds);
                ReplicationResult result = network.Run();
                checker.AfterEvent();
                CheckResult(result);
                results.Add(result);
                runs.Add((network, checker));
            }
            log.Complete();
        }
        // The summary first: draining below goes on updating the same metrics objects.
        string summary = RunSummaryWriter.Write(scenario, results);
        long events = 0;
        foreach (var (network, checker) in runs)
        {
            checker.Forwarding = false;
            long drained = 0;
            network.Simulation.RunUntil(() => checker.AfterEvent() || network.Metrics.InFlight == 0 || ++drained > MaxDrainEvents);
            checker.CheckAllEnded();
            events += checker.EventsChecked;
        }
        return (summary, runs.Select(r => r.Network.Metrics).ToList(), events);
    }

    /// <summary>No negative durations or impossible fractions in what the summary is built from.</summary>
    private static void CheckResult(ReplicationResult result)
    {
        foreach (PoolResult p in result.Pools)
        {
            if (!(p.Utilization >= 0 && p.Utilization <= 1 + 1e-9)) throw new InvariantException($"pool {p.Name}: utilisation {p.Utilization}");
            if (!(p.QueueLength >= 0) || !(p.InService >= 0)) throw new InvariantException($"pool {p.Name}: queue {p.QueueLength}, in service {p.InService}");
            if (p.Wait.Count > 0 && !(p.Wait.Min >= 0)) throw new InvariantException($"pool {p.Name}: negative wait {p.Wait.Min}");
            if (p.Service.Count > 0 && !(p.Service.Min >= 0)) throw new InvariantException($"pool {p.Name}: negative service {p.Service.Min}");
        }
        foreach (VerificationPath path in VerificationPaths.All)
        {
            PathMetrics m = result.Metrics.Path(path);
            foreach (var (name, s) in new[] { ("result latency", m.ResultLatency), ("proof lag", m.ProofLag), ("time to trust", m.TimeToTrust) })
                if (s.Count > 0 && !(s.Min >= 0)) throw new InvariantException($"{path.Key()}: negative {name} {s.Min}");
        }
        foreach (var row in result.TimeSeries)
            if (row.QueueLength < 0 || row.Backlog < 0 || row.Busy < 0 || row.TimeSeconds < 0) throw new InvariantException($"negative time-series row {row}");
    }

    private static string ProductionRun(Scenario scenario, int threads, string logPath)
    {
        using var log = new RequestLog(logPath, scenario.Run.Replications);
        var results = ReplicationRunner.Run(scenario, threads, ScenarioCatalogs.Default, log.SinkFor);
        log.Complete();
        return RunSummaryWriter.Write(scenario, results);
    }

    /// <summary>The network needs its sink at construction, the checker needs the network: this bridges the two.</summary>
    private sealed class LateSink(Func<IRequestSink> sink) : IRequestSink
    {
        public void Write(Request request) => sink().Write(request);

        public void WriteInFlight(Request request) => sink().WriteInFlight(request);
    }

    private sealed class Tally
    {
        public int Tried, Merged, Dedicated, Tokens, Data, Synchronous, Instant, Failures;
        public long Arrived, Events;
    }
}
