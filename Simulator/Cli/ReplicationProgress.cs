using System.Diagnostics;
using System.Globalization;
using HacaSim.Experiments.Execution;
using Spectre.Console;

namespace HacaSim.Cli;

/// <summary>
/// Progress on stderr, only when stderr is a terminal: simulated time reached across the replications (percent of
/// duration x replications, events per second, time left), finished replications, and the output-writing phase. A
/// redirected stderr (a log file, a test, a pipe) gets nothing, so logs stay clean. The display reads the running
/// networks' clocks from its own thread and never touches a random stream or an event: output is the same with or
/// without it.
/// </summary>
internal static class ReplicationProgress
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    public static T Run<T>(bool enabled, double durationSeconds, Func<Action<int>?, Action<int>?, SimulatedTimeProgress?, T> work)
    {
        if (!enabled || Console.IsErrorRedirected) return work(null, null, null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var progress = new SimulatedTimeProgress();
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask simulated = context.AddTask("simulated time", maxValue: 1);
                ProgressTask replications = context.AddTask("replications", maxValue: 1);
                int planned = 1;
                // ProgressTask is thread-safe: replications finish on the worker threads.
                Task<T> worker = Task.Run(() => work(p => { Volatile.Write(ref planned, p); replications.MaxValue = p; }, _ => replications.Increment(1), progress));
                var clock = Stopwatch.StartNew();
                while (!worker.IsCompleted)
                {
                    (double seconds, long events) = progress.Snapshot();
                    double total = Math.Max(1e-9, durationSeconds * Volatile.Read(ref planned));
                    simulated.MaxValue = total;
                    simulated.Value = Math.Min(seconds, total);
                    double rate = events / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
                    simulated.Description = progress.Writing
                        ? "writing outputs"
                        : string.Create(CultureInfo.InvariantCulture, $"simulated time, {rate:N0} events/s");
                    // A failure or an interrupt ends the wait; GetResult below rethrows it as itself.
                    try { worker.Wait(Refresh); }
                    catch (AggregateException) { }
                }
                simulated.Value = simulated.MaxValue;
                replications.Value = replications.MaxValue;
                result = worker.GetAwaiter().GetResult();
            });
        return result;
    }
}
