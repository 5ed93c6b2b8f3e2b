using System.CommandLine;

namespace HacaSim.Cli;

/// <summary>
/// The <c>hacasim</c> command. Exit codes are a contract: 0 success, 2 bad input (scenario, --set,
/// command line), 1 anything else, including an interrupt (Ctrl-C, SIGTERM). Bad input prints what is
/// wrong and never a stack trace.
/// </summary>
public static class Program
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Main(string[] args)
    {
        using var interrupt = new InterruptSignal(Console.Error);
        return Execute(args, Console.Out, Console.Error, interrupt.Token);
    }

    /// <param name="cancel">Stops a run between events; the command then exits 1 and its results directory stays marked INCOMPLETE.</param>
    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var root = new RootCommand("HACA-sim: simulates decentralised inference networks (GPU inference, ZKML provers, " +
            "CPU verification nodes, TEE data nodes) to show whether proofs lag answers.")
        {
            RunCommand.Create(stdout, cancel, args),
            ValidateCommand.Create(stdout),
            CapacityCommand.Create(stdout),
            ReportCommand.Create(stdout),
            CompareCommand.Create(stdout),
            SweepCommand.Create(stdout),
            PlanCommand.Create(stdout),
            ListCommand.Create(stdout),
            MergeCommand.Create(stdout, stderr, cancel),
            SlurmCommand.Create(stdout, stderr),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Try 'hacasim --help'.");
            return BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }
        catch (OperationCanceledException e)
        {
            stderr.WriteLine(e is RunInterruptedException ? e.Message : "interrupted: no results were written");
            return Failure;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"hacasim failed: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in HACA-sim, not in your input; please report it with the scenario.");
            return Failure;
        }
    }
}
