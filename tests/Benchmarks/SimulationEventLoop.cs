using HacaSim.Engine;

namespace HacaSim.Benchmarks;

/// <summary>The workload on our kernel, <see cref="Simulation"/>: its calendar, its clock, its Run loop.</summary>
internal static class SimulationEventLoop
{
    public static MmcResult Run(MmcWorkload workload)
    {
        var sim = new Simulation();
        var model = new MmcModel<Calendar>(new Calendar(sim), workload);
        model.Start();
        sim.Run(double.PositiveInfinity);
        return model.Result(sim.EventsFired);
    }

    private readonly struct Calendar(Simulation sim) : IEventCalendar
    {
        public double Now => sim.Now;

        public void Schedule(double delaySeconds, Action<object?> action, object? state) => sim.Schedule(delaySeconds, action, state);
    }
}
