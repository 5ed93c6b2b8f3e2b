using HacaSim.Randomness;
using HacaSim.Workload;

namespace HacaSim.Tests.Workload;

/// <summary>Next() runs once per request over long runs, so it must not allocate.</summary>
public class NoAllocationTests
{
    private static IEnumerable<TestCaseData> Processes()
    {
        Random Rng() => new RandomStreams(1).Stream("a");
        yield return new TestCaseData((Func<IArrivalProcess>)(() => new PoissonArrivals(5, Rng()))).SetArgDisplayNames("Poisson");
        yield return new TestCaseData((Func<IArrivalProcess>)(() => new DeterministicArrivals(0.5))).SetArgDisplayNames("Deterministic");
        yield return new TestCaseData((Func<IArrivalProcess>)(() => new MarkovModulatedArrivals([10, 0, 3], [1, 2, 3], Rng()))).SetArgDisplayNames("MMPP");
        yield return new TestCaseData((Func<IArrivalProcess>)(() => new TimeVaryingArrivals(new DiurnalRate(5, 0.5, 60), Rng()))).SetArgDisplayNames("Diurnal");
        yield return new TestCaseData((Func<IArrivalProcess>)(() => new TimeVaryingArrivals(new PiecewiseConstantRate([(0, 1), (10, 5)]), Rng()))).SetArgDisplayNames("Piecewise");
        yield return new TestCaseData((Func<IArrivalProcess>)(() => new RampArrivals(1, 1, 10, Rng()))).SetArgDisplayNames("Ramp");
        yield return new TestCaseData((Func<IArrivalProcess>)(() =>
            new TraceReplayArrivals(new TraceData([0, 1, 2], [1, 2, 3], [4, 5, 6], "tiny"), loop: true))).SetArgDisplayNames("TraceLoop");
    }

    [TestCaseSource(nameof(Processes))]
    public void NextDoesNotAllocate(Func<IArrivalProcess> make)
    {
        IArrivalProcess process = make();
        for (int i = 0; i < 1000; i++) process.Next(); // warm up (JIT, lazy statics)
        double sink = 0;
        long allocated = SteadyStateAllocation.FewestBytes(() =>
        {
            for (int i = 0; i < 10_000; i++) sink += process.Next().TimeSeconds;
        });
        Assert.That(allocated, Is.Zero, $"(sum {sink})");
    }
}
