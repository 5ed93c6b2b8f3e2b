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
    /// <summary>
    /// A parse error without .NET type names: "Cannot parse argument 'three' for option '--replications' as expected type
    /// 'System.Nullable`1[System.Int32]'" becomes "... as a whole number". Control characters in echoed arguments are escaped.
    /// </summary>
    private static string Plain(string message)
    {
        string plain = System.Text.RegularExpressions.Regex.Replace(message, @"as expected type '([^']*)'", m =>
        {
            string type = m.Groups[1].Value;
            return type.Contains("UInt64", StringComparison.Ordinal) ? "as a whole number >= 0"
                : type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "as a whole number"
                : type.Contains("Double", StringComparison.Ordinal) ? "as a number"
                : type.Contains("Boolean", StringComparison.Ordinal) ? "as true or false"
                : "as the expected value";
        });
        return string.Concat(plain.Select(c => char.IsControl(c) ? ' ' : c));
    }

    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var root = new RootCommand("HACA-sim: simulates decentralised inference networks (GPU inference, ZKML provers, " +
            "CPU verification nodes, TEE data nodes) to show whether proofs lag answers.")
        {
            RunCommand.Create(stdout, cancel, args, stderr: stderr),
            ValidateCommand.Create(stdout, stderr),
            CapacityCommand.Create(stdout),
            ReportCommand.Create(stdout),
            CompareCommand.Create(stdout, stderr: stderr),
            SweepCommand.Create(stdout, stderr: stderr),
            ExploreCommand.Create(stdout, stderr: stderr),
            PlanCommand.Create(stdout),
            ListCommand.Create(stdout),
            SchemaCommand.Create(stdout),
            MergeCommand.Create(stdout, stderr, cancel),
            SlurmCommand.Create(stdout, stderr),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {Plain(error.Message)}");
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
        catch (Engine.SimulationStalledException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is InputException or Engine.SimulationStalledException) is { } inner)
        {
            // A replication run in parallel found bad input (or stalled): report it as if it ran alone.
            stderr.WriteLine(inner.Message);
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
