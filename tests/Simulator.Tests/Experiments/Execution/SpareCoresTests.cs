using HacaSim.Catalog;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Output;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios;
using HacaSim.Scenarios.Loading;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Experiments.Execution;

/// <summary>
/// Which cores the replications occupy, for the warm-up that should only run on a spare one: a batch occupies
/// min(threads, units not finished), so with every core running replications none is spare until the tail.
/// </summary>
public class SpareCoresTests
{
    [Test]
    public void A_batch_on_every_core_leaves_none_spare_until_its_last_unit_runs_alone()
    {
        var spare = new SpareCores(2);
        var seen = new List<(int Occupied, bool Spare)>();
        using (SpareCores.Batch batch = spare.Begin(units: 8, threads: 2))
        {
            seen.Add((spare.Occupied, spare.HasSpareCore));
            for (int i = 0; i < 8; i++)
            {
                batch.UnitDone();
                seen.Add((spare.Occupied, spare.HasSpareCore));
            }
        }
        Assert.Multiple(() =>
        {
            // Start, then after each of the 8 units: busy while 2 or more are left, then 1 (the tail), then none.
            Assert.That(seen.Select(s => s.Occupied), Is.EqualTo(new[] { 2, 2, 2, 2, 2, 2, 2, 1, 0 }));
            Assert.That(seen.Select(s => s.Spare), Is.EqualTo(new[] { false, false, false, false, false, false, false, true, true }));
            Assert.That(spare.Occupied, Is.EqualTo(0));
        });
    }

    [Test]
    public void One_thread_on_two_cores_always_leaves_one_spare_and_a_failed_batch_gives_its_cores_back()
    {
        var spare = new SpareCores(2);
        SpareCores.Batch one = spare.Begin(units: 5, threads: 1);
        Assert.That(spare.HasSpareCore, Is.True);
        SpareCores.Batch two = spare.Begin(units: 3, threads: 4);
        Assert.That(spare.Occupied, Is.EqualTo(4), "min(threads, units) = 3 beside the first batch's 1");
        two.Dispose();
        one.Dispose();
        one.Dispose();
        Assert.That(spare.Occupied, Is.EqualTo(0), "disposing twice releases once");
    }

    [Test]
    public void Waiting_for_a_spare_core_after_start_returns_once_replications_have_begun_and_one_is_spare()
    {
        var spare = new SpareCores(2);
        using var started = new ManualResetEventSlim();
        var waiter = new Thread(() =>
        {
            spare.WaitForSpareCoreAfterStart();
            started.Set();
        }) { IsBackground = true };
        waiter.Start();
        // No batch has begun: a spare core alone (start-up) does not release it.
        Assert.That(spare.HasSpareCore, Is.True);
        Assert.That(started.Wait(TimeSpan.FromMilliseconds(200)), Is.False);
        using (SpareCores.Batch batch = spare.Begin(units: 2, threads: 2))
        {
            Assert.That(started.IsSet, Is.False, "both cores run replications");
            batch.UnitDone();
            Assert.That(started.Wait(TimeSpan.FromSeconds(30)), Is.True, "the tail frees a core");
        }
        waiter.Join();
    }

    [Test]
    public void The_parallel_loop_reports_its_units_and_its_results_do_not_depend_on_it()
    {
        Scenario scenario = ScenarioLoader.Load(RepositoryPaths.Scenario("baseline.yaml"),
            ["run.duration_s=300", "run.warmup_s=60", "run.replications=3"]).Scenario;
        var plain = ReplicationRunner.Run(scenario, 2, ScenarioCatalogs.Default);
        var spare = new SpareCores(2);
        var occupiedAtEnds = new List<int>();
        var watched = ReplicationRunner.Run(scenario, 2, ScenarioCatalogs.Default, onDone: _ => { lock (occupiedAtEnds) occupiedAtEnds.Add(spare.Occupied); },
            spare: spare);
        Assert.Multiple(() =>
        {
            Assert.That(RunSummaryWriter.Write(scenario, watched), Is.EqualTo(RunSummaryWriter.Write(scenario, plain)), "same summary.json");
            Assert.That(occupiedAtEnds, Has.Count.EqualTo(3));
            // onDone runs before the unit is counted as finished: 2 cores while 2 or more units are left.
            Assert.That(occupiedAtEnds.Max(), Is.EqualTo(2));
            Assert.That(spare.Occupied, Is.EqualTo(0), "all given back when the loop ends");
        });
    }

    [Test]
    public void Outputs_begin_once_and_stay_begun()
    {
        var spare = new SpareCores(2);
        Assert.That(spare.OutputsBegun, Is.False, "nothing written yet");
        using (spare.Begin(units: 2, threads: 2)) { }
        Assert.That(spare.OutputsBegun, Is.False, "a batch ending is not the outputs beginning (a --precision run has several batches)");
        spare.BeginOutputs();
        Assert.That(spare.OutputsBegun, Is.True);
    }
}
