using Spectre.Console;

namespace HacaSim.Cli;

/// <summary>
/// A progress bar of finished replications on stderr, only when stderr is a terminal: a redirected
/// stderr (a log file, a test, a pipe) gets nothing, so logs stay clean.
/// </summary>
internal static class ReplicationProgress
{
    public static T Run<T>(bool enabled, Func<Action<int>?, Action<int>?, T> work)
    {
        if (!enabled || Console.IsErrorRedirected) return work(null, null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("replications", maxValue: 1);
                // ProgressTask is thread-safe: replications finish on the worker threads.
                result = work(planned => task.MaxValue = planned, _ => task.Increment(1));
                task.Value = task.MaxValue;
            });
        return result;
    }
}
