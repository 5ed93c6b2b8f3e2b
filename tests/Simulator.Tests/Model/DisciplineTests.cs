using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>The defining behaviour of each queue discipline, on one single-slot node with a queue.</summary>
public class DisciplineTests
{
    private static string Scenario(string discipline) => $$$"""
        name: disciplines
        run: {duration_s: 2000, seed: 3}
        traffic:
          arrival: {process: poisson, rate: 0.9}
          classes:
            - {name: urgent, share: 1, inference_s: {dist: exponential, mean: 1}, deadline_s: 5, paths: {zkml: 1}}
            - {name: relaxed, share: 1, inference_s: {dist: exponential, mean: 1}, deadline_s: 500, paths: {vanilla: 1}}
        pools:
          inference: {nodes: 1, slots: 1, discipline: {{{discipline}}}}
          prover: {nodes: 4, slots: 4}
          verification: {nodes: 1, slots: 4}
        roles: {prover: prover}
        paths: {zkml: {proof_s: 0.01}}
        settlement: {mode: instant}
        """;

    /// <summary>
    /// Starts at which some request already waiting when it began, and served later, should have gone first by
    /// <paramref name="key"/> (smaller first). A non-preemptive discipline serving by that key has none.
    /// </summary>
    private static int Inversions(List<Request> requests, Func<Request, double> key)
    {
        var started = requests.Where(r => !double.IsNaN(r.InferenceStartSeconds)).OrderBy(r => r.InferenceStartSeconds).ToList();
        int inversions = 0;
        foreach (Request a in started)
        {
            if (a.InferenceStartSeconds == a.InferenceQueuedSeconds) continue; // found a free slot: no choice was made
            inversions += started.Count(b => b.InferenceQueuedSeconds < a.InferenceStartSeconds && b.InferenceStartSeconds > a.InferenceStartSeconds
                && key(b) < key(a));
        }
        return inversions;
    }

    [Test]
    public void Edf_serves_the_earliest_deadline_first_and_fifo_does_not()
    {
        var edf = ModelRun.Of(Scenario("edf")).Requests;
        var fifo = ModelRun.Of(Scenario("fifo")).Requests;
        Assert.Multiple(() =>
        {
            Assert.That(edf.Count, Is.GreaterThan(1000));
            Assert.That(Inversions(edf, r => r.DeadlineSeconds), Is.Zero);
            Assert.That(Inversions(fifo, r => r.DeadlineSeconds), Is.GreaterThan(100), "the check can fail");
            // What EDF is for: urgent requests wait less than under FIFO.
            // Requests still in flight at the end (never started) are listed too; only started ones have a wait.
            double Wait(List<Request> rs) => rs.Where(r => r.Class.Name == "urgent" && !double.IsNaN(r.InferenceStartSeconds)).Average(r => r.InferenceStartSeconds - r.InferenceQueuedSeconds);
            Assert.That(Wait(edf), Is.LessThan(Wait(fifo)));
        });
    }

    [Test]
    public void Priority_by_path_serves_stronger_paths_first_and_fifo_serves_in_arrival_order()
    {
        var priority = ModelRun.Of(Scenario("priority_by_path")).Requests;
        var fifo = ModelRun.Of(Scenario("fifo")).Requests;
        Assert.Multiple(() =>
        {
            Assert.That(Inversions(priority, r => (double)r.Path), Is.Zero);
            Assert.That(Inversions(fifo, r => (double)r.Path), Is.GreaterThan(100));
            Assert.That(Inversions(fifo, r => r.InferenceQueuedSeconds), Is.Zero);
        });
    }
}
