namespace HacaSim.Cli;

/// <summary>A run stopped by an interrupt after its results directory was created; the message names the directory.</summary>
internal sealed class RunInterruptedException(string directory, OperationCanceledException inner)
    : OperationCanceledException($"interrupted: {directory} is incomplete (it keeps its INCOMPLETE marker and has no summary.json)", inner, inner.CancellationToken);
