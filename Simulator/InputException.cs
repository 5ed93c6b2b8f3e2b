namespace HacaSim;

/// <summary>
/// Bad input from the user (a scenario, a trace file, a command-line value). The CLI prints
/// <see cref="Exception.Message"/> without a stack trace and exits with code 2, so the message must
/// name the file, line, field and what is allowed.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message) : base(message) { }

    public InputException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found, one message each (a scenario reports all of them at once).</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
