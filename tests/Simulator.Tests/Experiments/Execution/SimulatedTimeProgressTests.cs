using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments.Execution;

/// <summary>
/// Progress within a replication reads the running networks' clocks from another thread: the results must be the
/// same bytes as without it, and the reading must end at every replication's whole duration and event count.
/// </summary>
public class SimulatedTimeProgressTests
{
    [Test]
    public void Reading_progress_during_a_run_changes_nothing_and_ends_at_the_whole_simulated_time()
    {
        Scenario scenario = ScenarioLoader.Load(RepositoryPaths.Scenario("faults/verifier-churn.yaml"),
            ["run.duration_s=1500", "run.warmup_s=100", "run.replications=3"]).Scenario;
        var plain = ReplicationRunner.Run(scenario, 2, ScenarioCatalogs.Default);

        var progress = new SimulatedTimeProgress();
        var readings = new List<double>();
        using var stop = new CancellationTokenSource();
        using var reading = new ManualResetEventSlim();
        // Its own thread, not the pool's: on a loaded machine a pool task could start only after the run ended (no
        // reading during it, an empty list); the run starts once the reader has read at least once.
        // Only a changed reading is kept: this loop reads tens of millions of times a second, and a list that grew with
        // every read passed the largest array .NET allows within seconds on a slow run. The exception that threw on this
        // thread ended the whole test process (CI at 16:30 UTC, 2026-11-30: Simulator.Tests' host crashed after 740
        // tests, while LongTests ran beside it). A changed reading needs an event in between, so the list stays under
        // the run's event count.
        var reader = new Thread(() =>
        {
            double last = double.NaN;
            do
            {
                double now = progress.Snapshot().SimulatedSeconds;
                if (!now.Equals(last)) readings.Add(last = now);
                reading.Set();
            } while (!stop.IsCancellationRequested);
        });
        reader.Start();
        reading.Wait();
        var watched = ReplicationRunner.Run(scenario, 2, ScenarioCatalogs.Default, progress: progress);
        stop.Cancel();
        reader.Join();

        (double seconds, long events) = progress.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(RunSummaryWriter.Write(scenario, watched), Is.EqualTo(RunSummaryWriter.Write(scenario, plain)), "same summary.json");
            Assert.That(seconds, Is.EqualTo(3 * 1500.0));
            Assert.That(events, Is.EqualTo(watched.Sum(r => r.EventsFired)));
            Assert.That(readings, Is.Not.Empty);
            Assert.That(readings.All(r => r >= 0 && r <= 3 * 1500.0), "readings within the run");
        });
    }
}
